"""The builder canvas in a real browser: build a small LP by hand, see it compile (and the
error on the node at fault), run it and read the known optimum, see an infeasible model's
conflict marked on the canvas (docs/console-builder.md)."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.api.builder_helpers import production_canvas
from tests.console.conftest import screenshot


def node_form(page, node_id: str):
    """The side panel's form for one node (the keyboard way to edit it)."""
    return page.get_by_role("region", name=f"Edit node {node_id}")


def canvas_node(page, node_id: str):
    return page.locator(f'.react-flow__node[data-id="{node_id}"]')


def add_node(page, kind: str, node_id: str, **fields: str) -> None:
    page.get_by_role("button", name=f"Add {kind}", exact=True).click()
    form = node_form(page, node_id)
    expect(form).to_be_visible()
    for label, value in fields.items():
        control = form.get_by_label(label, exact=True)
        if control.evaluate("element => element.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)


def create_document(page, name: str) -> None:
    page.get_by_role("link", name="Builder", exact=True).click()
    page.get_by_label("Document name").fill(name)
    page.get_by_role("button", name="Create document").click()
    expect(page.get_by_role("heading", name=f"Builder: {name}")).to_be_visible()


def test_build_an_lp_on_the_canvas_run_it_and_see_the_optimum(signed_in_page, console_server):
    """max 3x + 2y  s.t.  x + y <= 4,  x + 3y <= 6,  x <= 3: optimum 11 at x = 3, y = 1."""
    page = signed_in_page
    create_document(page, "Small LP")
    add_node(page, "variable", "v1", **{"Name": "x", "Upper bound": "3"})
    add_node(page, "variable", "v2", Name="y")
    add_node(page, "constraint", "c1", Name="total", Expression="x + y <= 4")
    add_node(page, "constraint", "c2", Name="mix", Expression="x + 3*y <= 6")
    add_node(page, "objective", "o1", Sense="maximize", Expression="3*x + 2*y")
    form = node_form(page, "o1")
    form.get_by_label("Connect to").select_option("c1")
    form.get_by_role("button", name="Connect").click()
    expect(form.get_by_text("o1 → c1")).to_be_visible()

    # The canvas draws what the panel typed, and it compiles.
    expect(canvas_node(page, "v1").get_by_label("Name of v1")).to_have_value("x")
    expect(canvas_node(page, "c2").get_by_label("Expression of c2")).to_have_value("x + 3*y <= 6")
    expect(page.locator(".react-flow__edge")).to_have_count(1)
    expect(page.get_by_test_id("compile-status")).to_have_text("Compiles")
    # Checkpointed on its own once the typing stopped.
    expect(page.get_by_test_id("save-status")).to_contain_text("All changes saved · checkpoint #")

    page.get_by_role("button", name="Run the canvas").click()
    result = page.get_by_role("region", name="Result of the canvas")
    expect(result.get_by_test_id("result-status")).to_have_text("Optimal")
    expect(result.get_by_test_id("result-objective")).to_have_text("11")
    expect(result.get_by_role("row", name="x 3")).to_be_visible()
    expect(result.get_by_role("row", name="y 1")).to_be_visible()
    result.evaluate("region => region.scrollIntoView({block: 'start'})")
    screenshot(page, "builder-result")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "builder-canvas")

    # What the page shows is what the API holds: the saved document compiles to the same model.
    documents = console_server.request("GET", "/builder")[1]["items"]
    document = next(item for item in documents if item["name"] == "Small LP")
    status, saved = console_server.request("GET", f"/builder/{document['id']}")
    assert status == 200
    assert {node["id"] for node in saved["canvas_json"]["nodes"]} == {"v1", "v2", "c1", "c2", "o1"}
    assert saved["model_json"]["objective"]["expression"] == "3*x + 2*y"


def test_a_compile_error_shows_on_the_node_at_fault_and_a_conflict_is_marked(signed_in_page):
    page = signed_in_page
    create_document(page, "Errors")
    add_node(page, "variable", "v1", Name="x")
    add_node(page, "variable", "v2", Name="y")
    add_node(page, "constraint", "c1", Name="cap", Expression="x + z <= 4")
    add_node(page, "objective", "o1", Sense="maximize", Expression="x + y")

    # Inline, on the canvas: the node naming an unknown variable says so; the others do not.
    expect(canvas_node(page, "c1")).to_contain_text("unknown name 'z'")
    expect(canvas_node(page, "c1").locator(".bnode")).to_have_class(_contains("bnode-invalid"))
    expect(canvas_node(page, "o1").locator(".bnode-problem")).to_have_count(0)
    expect(page.get_by_test_id("compile-status")).to_have_text("Does not compile: 1 problem")
    screenshot(page, "builder-compile-error")

    # Fixed on the canvas itself (the inline field), the error goes.
    canvas_node(page, "c1").get_by_label("Expression of c1").fill("x + y <= 4")
    expect(page.get_by_test_id("compile-status")).to_have_text("Compiles")
    expect(canvas_node(page, "c1").locator(".bnode-problem")).to_have_count(0)

    # An infeasible model: the run's explanation names the nodes in conflict.
    add_node(page, "constraint", "c2", Name="at_least", Expression="x + y >= 10")
    expect(page.get_by_test_id("compile-status")).to_have_text("Compiles")
    page.get_by_role("button", name="Run the canvas").click()
    result = page.get_by_role("region", name="Result of the canvas")
    expect(result.get_by_test_id("result-status")).to_contain_text("Infeasible")
    expect(canvas_node(page, "c1")).to_contain_text("In the conflict")
    expect(canvas_node(page, "c2")).to_contain_text("In the conflict")
    expect(canvas_node(page, "o1")).not_to_contain_text("In the conflict")
    expect(result.get_by_role("list", name="Conflicting constraints")).to_contain_text("at_least")


def _contains(word: str):
    import re

    return re.compile(rf"(^|\s){re.escape(word)}(\s|$)")


def test_move_connect_and_delete_nodes_with_the_mouse_and_keyboard(signed_in_page, console_server):
    """A checkpoint by hand, then the canvas's own gestures: drag a node (a layout-only
    checkpoint), drag a wire from one node's handle to another's, arrow keys move a focused
    node, Delete removes one."""
    page = signed_in_page
    status, document = console_server.request("POST", "/builder", {"name": "Gestures", "canvas_json": production_canvas(14)})
    assert status == 201
    document_id = document["id"]
    page.goto(f"{console_server.base_url}/console#/builder/{document_id}")
    expect(page.get_by_test_id("compile-status")).to_have_text("Compiles")
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    # Opening a document changes nothing: no checkpoint until asked for.
    expect(page.get_by_test_id("save-status")).to_have_text("All changes saved · no checkpoint yet")
    page.get_by_role("button", name="Checkpoint now").click()
    expect(page.get_by_test_id("save-status")).to_have_text("All changes saved · checkpoint #1: Added 6 nodes and 2 edges")

    def centre(locator):
        box = locator.bounding_box()
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    # Drag o1 by its title: only positions change.
    head = canvas_node(page, "o1").locator(".bnode-head")
    x, y = centre(head)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 40, y + 60, steps=8)
    page.mouse.up()
    expect(page.get_by_test_id("save-status")).to_contain_text("checkpoint #2: Updated layout")

    # A wire from c2's output handle to o1's input handle.
    page.mouse.move(*centre(canvas_node(page, "c2").locator(".react-flow__handle.source")))
    page.mouse.down()
    page.mouse.move(*centre(canvas_node(page, "o1").locator(".react-flow__handle.target")), steps=10)
    page.mouse.up()
    expect(page.locator(".react-flow__edge")).to_have_count(3)
    expect(page.get_by_test_id("save-status")).to_contain_text("checkpoint #3: Added 1 edge")

    # Keyboard: a focused, selected node moves with the arrow keys and goes with Delete.
    position = console_server.request("GET", f"/builder/{document_id}")[1]["canvas_json"]["nodes"]
    before = next(node["position"] for node in position if node["id"] == "c2")
    canvas_node(page, "c2").locator(".bnode-head").click()
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_test_id("save-status")).to_contain_text("checkpoint #4: Updated layout")
    position = console_server.request("GET", f"/builder/{document_id}")[1]["canvas_json"]["nodes"]
    after = next(node["position"] for node in position if node["id"] == "c2")
    assert after["x"] == before["x"] and after["y"] > before["y"]
    page.keyboard.press("Delete")
    expect(canvas_node(page, "c2")).to_have_count(0)
    expect(page.locator(".react-flow__edge")).to_have_count(2)
    expect(page.get_by_test_id("save-status")).to_contain_text("checkpoint #5: Removed 1 constraint and 1 edge")
    status, saved = console_server.request("GET", f"/builder/{document_id}")
    assert "c2" not in {node["id"] for node in saved["canvas_json"]["nodes"]}
    assert saved["model_json"]["constraints"] == [{"name": "capacity_limit", "expression": "x + 2*y <= capacity"}]
