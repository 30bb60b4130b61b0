"""The builder, versions, triggers and keys screens without a mouse and for a screen reader:
every control has a name, a model is built and run with the keyboard alone (the side panel
does what dragging does), and a narrow window stacks the panel under the canvas."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.console.conftest import NARROW_VIEWPORT, screenshot
from tests.console.test_builder import canvas_node, create_document, node_form
from tests.console.test_builder_versions import make_document

# The name a screen reader reads for each visible control in <main> (accessible-name rules,
# simplified: aria-labelledby, aria-label, <label>, then a button's own text or title).
UNNAMED_CONTROLS = """main => [...main.querySelectorAll('input, select, textarea, button, a[href]')]
  .filter(element => element.offsetParent !== null && element.type !== 'hidden')
  .filter(element => {
    const byIds = (element.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
      .map(id => document.getElementById(id)?.textContent || '').join(' ');
    const label = [...(element.labels || [])].map(item => item.textContent).join(' ');
    const own = ['BUTTON', 'A'].includes(element.tagName) ? element.textContent : '';
    const name = [byIds, element.getAttribute('aria-label') || '', label, own, element.title || ''].join('').trim();
    return name === '';
  })
  .map(element => element.outerHTML.slice(0, 120))"""


def unnamed(page) -> list[str]:
    return page.locator("main").evaluate(UNNAMED_CONTROLS)


def tab_to(page, name: str, limit: int = 60) -> None:
    """Press Tab until the focused element's accessible name is `name`: keyboard reachable."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return (e.getAttribute('aria-label') || [...(e.labels || [])].map(l => l.textContent).join(' ')
                    || e.textContent || '').trim(); }""")
        if focused == name:
            return
    raise AssertionError(f"{name!r} was not reached with {limit} presses of Tab")


def test_a_model_is_built_and_run_with_the_keyboard_alone(signed_in_page):
    """x <= 4 (a constraint), maximize 2x: 8, typed without touching the mouse after the page opens."""
    page = signed_in_page
    create_document(page, "Keyboard")
    page.get_by_role("button", name="Checkpoint now").focus()
    tab_to(page, "Add variable")
    page.keyboard.press("Enter")
    # The new node's form has the focus: its first field is the name.
    expect(node_form(page, "v1").get_by_label("Name", exact=True)).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("x")
    tab_to(page, "Add constraint")
    page.keyboard.press("Enter")
    expect(node_form(page, "c1").get_by_label("Name", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.type("x <= 4")
    tab_to(page, "Add objective")
    page.keyboard.press("Enter")
    expect(node_form(page, "o1").get_by_label("Sense", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.type("2*x")
    expect(canvas_node(page, "o1").get_by_label("Expression of o1")).to_have_value("2*x")
    expect(page.get_by_test_id("compile-status")).to_have_text("Compiles")

    # The sense select, by keyboard: minimize, then back to maximize.
    node_form(page, "o1").get_by_label("Sense", exact=True).focus()
    page.keyboard.press("ArrowDown")
    expect(node_form(page, "o1").get_by_label("Sense", exact=True)).to_have_value("minimize")
    page.keyboard.press("ArrowUp")
    expect(node_form(page, "o1").get_by_label("Sense", exact=True)).to_have_value("maximize")

    # Connect and run, still from the keyboard.
    tab_to(page, "Connect to")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(node_form(page, "o1").get_by_text("o1 → v1")).to_be_visible()
    tab_to(page, "Run the canvas")
    page.keyboard.press("Enter")
    result = page.get_by_role("region", name="Result of the canvas")
    expect(result.get_by_test_id("result-objective")).to_have_text("8")
    assert unnamed(page) == []


def test_every_control_on_the_four_screens_has_a_name(signed_in_page, console_server):
    page = signed_in_page
    document_id = make_document(console_server, "Named controls")
    page.goto(f"{console_server.base_url}/console#/builder/{document_id}")
    expect(page.get_by_test_id("compile-status")).to_have_text("Compiles")
    page.get_by_role("button", name="c1: Constraint capacity_limit: x + 2*y <= capacity").click()
    expect(node_form(page, "c1")).to_be_visible()
    assert unnamed(page) == []

    page.get_by_role("link", name="Versions and history").click()
    page.get_by_role("button", name="Promote version #1").click()
    page.get_by_role("button", name="Show side by side").click()
    expect(page.get_by_role("region", name="Side by side").get_by_role("table")).to_be_visible()
    assert unnamed(page) == []

    page.get_by_role("link", name="Triggers", exact=True).click()
    expect(page.get_by_role("form", name="New schedule trigger")).to_be_visible()
    page.get_by_label("An organization model").check()
    assert unnamed(page) == []

    page.get_by_role("link", name="API keys", exact=True).click()
    expect(page.get_by_role("row").nth(1)).to_be_visible()
    assert unnamed(page) == []


def test_a_narrow_window_puts_the_panel_under_the_canvas(signed_in_page, console_server):
    page = signed_in_page
    document_id = make_document(console_server, "Narrow")
    page.set_viewport_size(NARROW_VIEWPORT)
    page.goto(f"{console_server.base_url}/console#/builder/{document_id}")
    expect(page.get_by_test_id("compile-status")).to_have_text("Compiles")
    canvas = page.locator(".bcanvas").bounding_box()
    panel = page.get_by_role("complementary", name="Canvas editor panel").bounding_box()
    assert panel["y"] >= canvas["y"] + canvas["height"]
    assert canvas["width"] <= NARROW_VIEWPORT["width"] and panel["width"] <= NARROW_VIEWPORT["width"]
    screenshot(page, "builder-narrow")
