"""The issue form „Ansprechperson anfragen“: its address with the fields filled in, for the internal pages."""

from __future__ import annotations

from urllib.parse import urlencode

from generator.siteconfig import repository_url

FORM = "ansprechperson-anfragen.yml"  # in .github/ISSUE_TEMPLATE/


def request_form_url(network_id: str, partner_id: str, topic: str | None = None) -> str | None:
    """The new-issue address of the form with network and partner filled in; None without a GitHub repository."""
    repository = repository_url()
    if repository is None:
        return None
    fields = {"template": FORM, "title": f"Ansprechperson anfragen: {network_id} – {partner_id}"}
    fields |= {"network": network_id, "partner": partner_id} | ({"topic": topic} if topic else {})
    return f"{repository}/issues/new?{urlencode(fields)}"
