"""The model: what one profile may show, with every privacy decision."""
