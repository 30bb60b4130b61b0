"""Triggers and API keys in a real browser: a schedule trigger's secret is shown once (not
after a reload), it is disabled and deleted; an API key is shown once and, once revoked,
refused by the API (docs/console-builder.md)."""
from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.console.conftest import screenshot
from tests.console.test_builder_versions import make_document


def test_create_a_schedule_trigger_see_its_secret_once_disable_and_delete_it(signed_in_page, console_server):
    page = signed_in_page
    document_id = make_document(console_server, "Nightly plan")
    page.get_by_role("link", name="Triggers", exact=True).click()
    form = page.get_by_role("form", name="New schedule trigger")
    form.get_by_label("Trigger name").fill("Every night")
    form.get_by_label("Schedule (UTC)").fill("cron(0 2 * * *)")
    form.get_by_label("Builder document").select_option(document_id)
    expect(form.get_by_label("Version (pinned: it becomes a named version)")).to_have_value(
        console_server.request("GET", f"/builder/{document_id}/versions")[1][0]["id"])
    expect(form.get_by_label("Parameter values (JSON)")).to_have_value('{\n  "capacity": 14\n}')
    form.get_by_role("button", name="Create trigger").click()

    secret_box = page.get_by_test_id("once-secret")
    expect(secret_box).to_be_visible()
    secret = secret_box.input_value()
    assert len(secret) >= 20
    expect(page.get_by_role("alert").filter(has_text="Shown only now")).to_be_visible()
    expect(page.get_by_role("button", name="Copy signing secret")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Every night")
    expect(row.get_by_test_id("trigger-state")).to_have_text("Enabled")
    expect(row).to_contain_text("cron(0 2 * * *)")
    expect(row).to_contain_text("builder version #1")
    screenshot(page, "triggers-secret")

    # The API holds it as the form said; the secret is never in a listing.
    status, listing = console_server.request("GET", "/triggers")
    trigger = next(item for item in listing["items"] if item["name"] == "Every night")
    assert (trigger["document_id"], trigger["input_data"], trigger["is_enabled"]) == (document_id, {"capacity": 14}, True)
    assert "secret" not in trigger

    page.reload()
    row = page.get_by_role("row").filter(has_text="Every night")
    expect(row).to_be_visible()
    expect(page.get_by_test_id("once-secret")).to_have_count(0)
    assert secret not in page.content()

    row.get_by_role("button", name="Disable trigger Every night").click()
    expect(row.get_by_test_id("trigger-state")).to_have_text("Disabled")
    expect(row.get_by_role("button", name="Enable trigger Every night")).to_be_visible()
    assert console_server.request("GET", f"/triggers/{trigger['id']}")[1]["is_enabled"] is False
    screenshot(page, "triggers-list")

    row.get_by_role("button", name="Delete trigger Every night").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_role("row").filter(has_text="Every night")).to_have_count(0)
    assert console_server.request("GET", f"/triggers/{trigger['id']}")[0] == 404


def test_create_an_api_key_shown_once_then_revoke_it(signed_in_page, console_server):
    page = signed_in_page
    page.get_by_role("link", name="API keys", exact=True).click()
    page.get_by_label("Key name (optional)").fill("ci-runner")
    page.get_by_role("button", name="Create key").click()
    key_box = page.get_by_test_id("once-secret")
    expect(key_box).to_be_visible()
    key = key_box.input_value()
    expect(page.get_by_role("alert").filter(has_text="Shown only now")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="ci-runner")
    expect(row).to_contain_text(key[:12])
    expect(row).to_contain_text("Active")
    screenshot(page, "keys-created")

    # The new key works against the API...
    organization = httpx.get(f"{console_server.api_url}/organization", headers={"Authorization": f"Bearer {key}"})
    assert organization.status_code == 200

    page.reload()
    expect(page.get_by_role("row").filter(has_text="ci-runner")).to_be_visible()
    expect(page.get_by_test_id("once-secret")).to_have_count(0)
    assert key not in page.content()

    row = page.get_by_role("row").filter(has_text="ci-runner")
    row.get_by_role("button", name="Revoke key ci-runner").click()
    expect(row).to_contain_text("Requests with it will be refused")
    row.get_by_role("button", name="Yes, revoke it").click()
    expect(row).to_contain_text("Revoked")
    expect(row.get_by_role("button", name="Revoke key ci-runner")).to_have_count(0)
    screenshot(page, "keys-revoked")

    # ...and is refused once revoked, while the console's own key still works.
    refused = httpx.get(f"{console_server.api_url}/organization", headers={"Authorization": f"Bearer {key}"})
    assert refused.status_code == 401
    expect(page.get_by_test_id("signed-in-as")).to_contain_text("Signed in as org")
