"""Sign-in: the key is checked, kept in session storage only, and sign-out forgets it."""
from playwright.sync_api import expect

from tests.console.conftest import sign_in


def test_sign_in_shows_the_organization_and_sign_out_clears_the_key(page, console_server):
    status, organization = console_server.request("GET", "/organization")
    assert status == 200
    expect(page.get_by_role("heading", name="Sign in to the JAOT console")).to_be_visible()
    sign_in(page, console_server.api_key)
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(f"Signed in as org {organization['name']}")
    assert page.evaluate("sessionStorage.getItem('jaot.api_key')") == console_server.api_key
    assert page.evaluate("localStorage.length") == 0
    assert page.context.cookies() == []
    assert console_server.api_key not in page.url

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to the JAOT console")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('jaot.api_key')") is None
    page.goto(f"{console_server.base_url}/console#/runs")  # a signed-out visitor is sent to sign in
    expect(page.get_by_label("API key")).to_be_visible()
