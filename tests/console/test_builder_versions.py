"""Versions in a real browser: a change on the canvas grows the timeline with its
change_summary; promote to a named version; two versions side by side (and run both);
restore, showing the safety checkpoint it made and the restored canvas; run a version with
parameter values (docs/console-builder.md)."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.api.builder_helpers import production_canvas
from tests.console.conftest import screenshot
from tests.console.test_builder import canvas_node, node_form


def make_document(server, name: str) -> str:
    """A document holding production_canvas(14) (optimum 34) and its first checkpoint."""
    status, document = server.request("POST", "/builder", {"name": name, "canvas_json": production_canvas(14)})
    assert status == 201, document
    status, version = server.request("POST", f"/builder/{document['id']}/versions",
                                      {"canvas_json": production_canvas(14)})
    assert status == 201 and version["sequence"] == 1, version
    return document["id"]


def timeline(page):
    return page.get_by_role("list", name="Versions, newest first").get_by_test_id("version")


def test_change_promote_compare_restore_and_run_versions(signed_in_page, console_server):
    page = signed_in_page
    document_id = make_document(console_server, "Production plan")
    page.goto(f"{console_server.base_url}/console#/builder/{document_id}")
    expect(page.get_by_role("heading", name="Builder: Production plan")).to_be_visible()

    # A change on the canvas (through the side panel) is checkpointed on its own.
    page.get_by_role("button", name="p1: Parameter capacity = 14").click()
    node_form(page, "p1").get_by_label("Value", exact=True).fill("20")
    expect(canvas_node(page, "p1").get_by_label("Value of p1")).to_have_value("20")
    expect(page.get_by_test_id("save-status")).to_contain_text("checkpoint #2: Modified 1 parameter")
    # The run form follows the node: capacity 20 now, optimum 48 (x = 8, y = 6).
    expect(page.get_by_role("form", name="Run the canvas: parameter values").get_by_label("capacity")).to_have_value("20")
    page.get_by_role("button", name="Run the canvas").click()
    expect(page.get_by_role("region", name="Result of the canvas").get_by_test_id("result-objective")).to_have_text("48")

    page.get_by_role("link", name="Versions and history").click()
    expect(timeline(page)).to_have_count(2)
    expect(timeline(page).nth(0)).to_contain_text("#2")
    expect(timeline(page).nth(0)).to_contain_text("Modified 1 parameter")
    expect(timeline(page).nth(1)).to_contain_text("Added 6 nodes and 2 edges")

    # Promote the first checkpoint to a named version.
    page.get_by_role("button", name="Promote version #1").click()
    page.get_by_label("Version name").fill("Capacity 14")
    page.get_by_role("button", name="Save name").click()
    expect(timeline(page).nth(1)).to_contain_text("named: Capacity 14")
    status, named = console_server.request("GET", f"/builder/{document_id}/versions")
    assert status == 200 and [(v["sequence"], v["version_name"]) for v in named] == [(2, None), (1, "Capacity 14")]

    # Side by side: A = #1, B = #2 (the defaults); the parameter node is the difference.
    side = page.get_by_role("region", name="Side by side")
    side.get_by_label("Version A").select_option(label="#1 “Capacity 14”: Added 6 nodes and 2 edges")
    side.get_by_label("Version B").select_option(label="#2: Modified 1 parameter")
    side.get_by_role("button", name="Show side by side").click()
    expect(side.get_by_test_id("diff-p1")).to_contain_text("changed: value")
    expect(side.get_by_test_id("diff-p1")).to_contain_text('value: 14')
    expect(side.get_by_test_id("diff-p1")).to_contain_text('value: 20')
    expect(side.get_by_test_id("diff-c1")).to_contain_text("same")
    expect(side.get_by_test_id("diff-summary")).to_contain_text("1 node differs; 0 connections added, 0 removed.")
    # Run both on their own parameter values: 34 (capacity 14) against 48 (capacity 20).
    side.get_by_role("button", name="Run both and compare").click()
    expect(side.get_by_test_id("objective-a")).to_contain_text("34")
    expect(side.get_by_test_id("objective-b")).to_contain_text("48")
    expect(side.get_by_test_id("objective-delta")).to_contain_text("14")
    side.get_by_role("heading", name="Side by side").evaluate("heading => heading.scrollIntoView({block: 'start'})")
    screenshot(page, "versions-side-by-side")

    # Run a version with a parameter value of its own: #2 with capacity 10 -> 24 (x = 4, y = 3).
    run = page.get_by_role("region", name="Run a version")
    run.get_by_label("Version to run").select_option(label="#2: Modified 1 parameter")
    run.get_by_label("capacity", exact=True).fill("10")
    run.get_by_role("button", name="Run this version").click()
    expect(run.get_by_test_id("result-objective")).to_have_text("24")
    expect(run).to_contain_text("checkpoint #2")

    # Another client saved a canvas that no checkpoint holds (capacity 30); restoring #1
    # keeps it as a safety checkpoint (#3), and the document holds #1's canvas again.
    status, _ = console_server.request("PUT", f"/builder/{document_id}", {"canvas_json": production_canvas(30)})
    assert status == 200
    page.get_by_role("button", name="Restore version #1").click()
    notice = page.get_by_role("status").filter(has_text="Restored #1")
    expect(notice.get_by_test_id("safety-checkpoint")).to_contain_text("safety checkpoint #3")
    expect(notice.get_by_role("list", name="Restored canvas")).to_contain_text("p1: Parameter capacity = 14")
    expect(timeline(page)).to_have_count(3)
    expect(timeline(page).nth(0)).to_contain_text("#3")
    expect(timeline(page).nth(0)).to_contain_text("Modified 1 parameter")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "versions-restore")
    status, restored = console_server.request("GET", f"/builder/{document_id}/versions/{named[1]['id']}")
    status, current = console_server.request("GET", f"/builder/{document_id}")
    assert current["canvas_json"]["nodes"] == restored["canvas_json"]["nodes"]

    # The builder shows the restored canvas.
    notice.get_by_role("link", name="Open the restored canvas").click()
    expect(canvas_node(page, "p1").get_by_label("Value of p1")).to_have_value("14")
    expect(page.get_by_test_id("save-status")).to_contain_text("All changes saved")
