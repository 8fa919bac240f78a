"""Partner directory and handbook generator of the Offensive Mittelstand."""
