"""The console's screens in Chromium: what each shows, through the live API.

Each test asserts what the page shows (texts, drawn shapes, fields and their errors), and
the screenshots in docs/console/ are taken here, at 1280×800 (one at 420×800).
"""
from __future__ import annotations

import csv
import io
import json
import re

from playwright.sync_api import expect

from tests.console.conftest import NARROW_VIEWPORT, screenshot, sign_in
from tests.console.helpers import activate, big_cvrp, execution_id_of, open_run_page


def test_a_bad_key_is_refused_in_words(page, console_server):
    screenshot(page, "signin")
    sign_in(page, "ok_live_not_a_key_of_anyone_0000000000")
    expect(page.get_by_role("alert")).to_have_text("That API key was not accepted: check it and try again.")
    assert page.evaluate("sessionStorage.length") == 0
    page.get_by_label("API key").fill("")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("Enter an API key.")


def test_catalog_search_filter_and_activate(signed_in_page, console_server):
    page = signed_in_page
    status, catalog = console_server.request("GET", "/models/catalog?page_size=100")
    total = catalog["total"]
    expect(page.get_by_test_id("catalog-count")).to_have_text(f"{total} models.")
    page.get_by_label("Category").select_option("scheduling")
    scheduling = [item for item in catalog["items"] if item["category"] == "scheduling"]
    expect(page.get_by_test_id("catalog-count")).to_have_text(f"{len(scheduling)} models in scheduling.")
    expect(page.locator("li.card")).to_have_count(len(scheduling))
    page.get_by_label("Category").select_option("")
    page.get_by_label("Search").fill("knapsack")
    expect(page.get_by_test_id("catalog-count")).to_contain_text("matching “knapsack”")
    card = page.locator('li.card[data-model="knapsack"]')
    expect(card).to_be_visible()
    display_name = next(item["display_name"] for item in catalog["items"] if item["name"] == "knapsack")
    card.get_by_role("button", name=f"Activate {display_name}").click()
    expect(card.get_by_text("Activated")).to_be_visible()
    card.get_by_role("link", name=f"Run {display_name}").click()
    expect(page.get_by_role("heading", name=f"Run {display_name}")).to_be_visible()
    status, models = console_server.request("GET", "/models?page_size=100")
    assert any(model["name"] == "knapsack" and model["id"] in page.url for model in models["items"])
    page.get_by_role("link", name="Catalog").click()
    page.get_by_label("Search").fill("")
    expect(page.get_by_test_id("catalog-count")).to_have_text(f"{total} models.")
    screenshot(page, "catalog")


def test_cvrp_from_the_generated_form_draws_one_path_per_route(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "cvrp")
    open_run_page(page, console_server, model_id)
    status, schema = console_server.request("GET", f"/models/{model_id}/schema")
    example = schema["example_input"]
    # Labels, units, limits and descriptions come from the schema; values from example_input.
    demand = page.locator("#input_customers_0_demand")
    expect(demand).to_have_value(str(example["customers"][0]["demand"]))
    expect(page.get_by_text("Load delivered to this customer, in capacity units (e.g. crates, kg).").first).to_be_visible()
    expect(page.locator("#input_customers_0_demand__description")).to_contain_text("From 0 to 1000000000.")
    demand.scroll_into_view_if_needed()
    screenshot(page, "run-form")
    page.get_by_role("button", name="Run model").click()
    expect(page.get_by_test_id("run-status")).to_contain_text("succeeded")
    status, run = console_server.request("GET", f"/executions/{execution_id_of(page)}")
    routes = run["result"]["solution"]["routes"]
    drawing = page.get_by_test_id("route-map")
    expect(drawing.locator("path.route")).to_have_count(len(routes))
    expect(drawing.locator("g.stop")).to_have_count(len(example["customers"]))
    expect(drawing.locator("g.depot")).to_have_count(1)
    for route in routes:
        visited = [stop["location"] for stop in route["stops"] if stop["location"] not in route["start_depot"]]
        path = drawing.locator(f'path.route[data-route="{route["vehicle"]}"]')
        # M + one L per leg: depot, each stop, depot.
        assert path.get_attribute("d").count("L") == len(visited) + 1
    expect(page.get_by_test_id("result-facts")).to_contain_text(run["result"]["solver"])
    expect(page.get_by_test_id("result-facts")).to_contain_text(run["result"]["status"])
    assert "Objective" in page.get_by_test_id("result-facts").inner_text()
    expect(page.get_by_role("heading", name="Routes", exact=True)).to_be_visible()
    page.evaluate("window.scrollBy(0, document.querySelector('#routes-title').getBoundingClientRect().top - 16)")
    screenshot(page, "result-routes")


def test_job_shop_gantt_has_one_bar_per_operation_and_downloads_csv(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "job_shop")
    open_run_page(page, console_server, model_id)
    page.get_by_role("button", name="Run model").click()
    expect(page.get_by_test_id("run-status")).to_contain_text("succeeded")
    status, run = console_server.request("GET", f"/executions/{execution_id_of(page)}")
    schedule = run["result"]["solution"]["schedule"]
    operations = sum(len(job["operations"]) for job in run["input"]["jobs"])
    assert len(schedule) == operations
    gantt = page.get_by_role("img", name=re.compile("^Gantt chart of schedule:"))
    expect(gantt.locator("g.bar")).to_have_count(operations)
    expect(page.get_by_test_id("gantt")).to_have_count(2)  # schedule (by machine) and jobs; machines[].operations repeats the first
    expect(gantt.locator("text.row-label")).to_have_count(len(run["input"]["machines"]))
    expect(page.get_by_test_id("explanation-summary")).to_have_text(run["result"]["explanation"]["summary"])
    page.evaluate("window.scrollBy(0, document.querySelector('#explanation-title').getBoundingClientRect().top - 16)")
    screenshot(page, "result-gantt")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download result as CSV").click()
    download = download_info.value
    assert download.suggested_filename == f"{run['execution_id']}.csv"
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert len(rows) == operations
    assert list(rows[0]) == list(schedule[0])
    assert [(row["job"], row["machine"], float(row["start"])) for row in rows] == \
        [(item["job"], item["machine"], float(item["start"])) for item in schedule]
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download result as JSON").click()
    assert json.loads(open(download_info.value.path(), encoding="utf-8").read())["solution"] == run["result"]["solution"]


def submit_json(page, document: dict, time_limit_s: str, queued: bool) -> None:
    page.get_by_role("button", name="JSON").click()
    page.get_by_label("Input JSON").fill(json.dumps(document))
    page.get_by_label("Time limit (seconds)").fill(time_limit_s)
    if queued:
        page.get_by_label("Queue it").check()
    page.get_by_role("button", name="Run model").click()


def test_a_queued_run_shows_its_live_status_until_it_succeeds(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "cvrp")
    open_run_page(page, console_server, model_id)
    submit_json(page, big_cvrp(), "4", queued=True)  # the search uses its whole time limit
    status_line = page.get_by_test_id("run-status")
    expect(status_line).to_contain_text(re.compile("queued|running"))
    first = status_line.inner_text()
    screenshot(page, "run-live")
    expect(page.get_by_role("button", name="Cancel run")).to_be_visible()
    expect(status_line).to_contain_text("succeeded", timeout=90_000)  # no reload: the page polls
    assert "succeeded" not in first
    expect(page.get_by_role("button", name="Cancel run")).to_have_count(0)
    expect(page.get_by_test_id("route-map").locator("g.stop")).to_have_count(80)
    page.get_by_role("link", name="Runs").first.click()
    row = page.locator(f'tr[data-execution="{execution_id_of_row(console_server)}"]')
    expect(row).to_contain_text("succeeded")


def execution_id_of_row(server) -> str:
    status, runs = server.request("GET", "/executions?limit=1")
    return runs["items"][0]["execution_id"]


def test_cancel_of_a_queued_run(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "cvrp")
    open_run_page(page, console_server, model_id)
    submit_json(page, big_cvrp(seed=11), "25", queued=True)
    expect(page.get_by_test_id("run-status")).to_contain_text(re.compile("queued|running"))
    page.get_by_role("button", name="Cancel run").click()
    expect(page.get_by_test_id("run-status")).to_contain_text("canceled", timeout=60_000)
    status, run = console_server.request("GET", f"/executions/{execution_id_of(page)}")
    assert run["status"] == "canceled"
    assert run["finished_at"] and (run["solve_time_ms"] or 0) < 25_000


def test_a_bad_field_shows_its_error_next_to_the_field(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "cvrp")
    open_run_page(page, console_server, model_id)
    # In the browser: the schema's minimum, before any request.
    page.locator("#input_customers_2_demand").fill("-5")
    page.get_by_role("button", name="Run model").click()
    expect(page.locator("#input_customers_2_demand__error")).to_contain_text("-5 is less than the minimum of 0")
    expect(page.locator("#input_customers_2_demand")).to_have_attribute("aria-describedby", re.compile("input_customers_2_demand__error"))
    expect(page.get_by_role("alert").first).to_contain_text("Some fields need attention")
    # From the API: the JSON view skips the browser's check; the 400's detail lands on the field.
    status, schema = console_server.request("GET", f"/models/{model_id}/schema")
    document = json.loads(json.dumps(schema["example_input"]))
    document["customers"][1]["demand"] = -7
    submit_json(page, document, "5", queued=False)
    expect(page.locator("#input-json-error")).to_contain_text("input_data.customers[1].demand: -7 is less than the minimum of 0")
    page.get_by_role("button", name="Form").click()
    expect(page.locator("#input_customers_1_demand__error")).to_contain_text("-7 is less than the minimum of 0")
    page.locator("#input_customers_1_demand").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, document.querySelector('#input_customers_1_demand').getBoundingClientRect().top - 300)")
    screenshot(page, "run-field-error")
    # Run options: the server's limit on the time limit shows at the time limit.
    page.locator("#input_customers_1_demand").fill("3")
    page.get_by_label("Time limit (seconds)").fill("999")
    page.get_by_role("button", name="Run model").click()
    expect(page.locator("#time-limit-error")).to_contain_text("may be at most 25 seconds for a run answered in its request")


def test_every_form_control_has_a_label_and_tab_reaches_the_submit_button(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "job_shop")
    open_run_page(page, console_server, model_id)
    unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => el.type !== 'hidden' && !el.labels?.length && !el.getAttribute('aria-label')
                        && !el.getAttribute('aria-labelledby'))
        .map((el) => el.id || el.name || el.outerHTML.slice(0, 80))""")
    assert unlabeled == []
    expect(page.get_by_label("Time limit (seconds)")).to_have_value("5")
    expect(page.get_by_label("Run now and wait for the result")).to_be_checked()
    expect(page.get_by_label("Duration").first).to_be_visible()
    page.locator("h1").click()
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'submit' && document.activeElement.textContent"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Run model"
    page.keyboard.press("Enter")  # the keyboard alone runs it
    expect(page.get_by_test_id("run-status")).to_contain_text("succeeded")


def test_runs_list_filters_pages_and_links_to_the_model(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "tsp")
    status, schema = console_server.request("GET", f"/models/{model_id}/schema")
    for _ in range(3):
        status, _run = console_server.request("POST", f"/models/{model_id}/execute",
                                              {"input_data": schema["example_input"]})
        assert status == 200
    page.get_by_role("link", name="Runs").click()
    page.get_by_label("Model").select_option(model_id)
    page.get_by_label("Per page").select_option("10")
    rows = page.locator("table.runs tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("succeeded")
    expect(rows.first).to_contain_text("optimal")
    page.get_by_label("Status").select_option("failed")
    expect(page.get_by_text("No runs match these filters.")).to_be_visible()
    page.get_by_label("Status").select_option("")
    expect(rows).to_have_count(3)
    screenshot(page, "runs")
    rows.first.get_by_role("link", name="tsp").click()
    expect(page.get_by_role("heading", name=re.compile("^Run "))).to_be_visible()
    assert f"/models/{model_id}/run" in page.url


def test_paging_of_runs(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "knapsack")
    status, schema = console_server.request("GET", f"/models/{model_id}/schema")
    ids = []
    for _ in range(12):
        status, run = console_server.request("POST", f"/models/{model_id}/execute", {"input_data": schema["example_input"]})
        ids.append(run["execution_id"])
    page.goto(f"{console_server.base_url}/console#/runs?model_id={model_id}&limit=10")
    rows = page.locator("table.runs tbody tr")
    expect(rows).to_have_count(10)
    expect(rows.first).to_have_attribute("data-execution", ids[-1])
    page.get_by_role("button", name="Older").click()
    expect(rows).to_have_count(2)
    expect(rows.last).to_have_attribute("data-execution", ids[0])
    expect(page.get_by_role("button", name="Older")).to_be_disabled()
    page.get_by_role("button", name="Newer").click()
    expect(rows).to_have_count(10)


def test_narrow_window(browser, console_server):
    context = browser.new_context(viewport=NARROW_VIEWPORT)
    try:
        page = context.new_page()
        page.goto(f"{console_server.base_url}/console")
        sign_in(page, console_server.api_key)
        expect(page.get_by_test_id("catalog-count")).to_be_visible()
        # Nothing wider than the window: no sideways scrolling of the page.
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_VIEWPORT["width"]
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
        screenshot(page, "catalog-narrow")
    finally:
        context.close()


def test_a_lat_lon_tour_is_drawn_on_a_map_less_projection(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "tsp")
    cities = [{"name": "Berlin", "lat": 52.52, "lon": 13.405}, {"name": "Hamburg", "lat": 53.551, "lon": 9.993},
              {"name": "Munich", "lat": 48.137, "lon": 11.575}, {"name": "Cologne", "lat": 50.938, "lon": 6.96},
              {"name": "Leipzig", "lat": 51.34, "lon": 12.375}]
    open_run_page(page, console_server, model_id)
    submit_json(page, {"cities": cities, "return_to_start": True}, "5", queued=False)
    drawing = page.get_by_test_id("route-map")
    expect(drawing).to_have_attribute("aria-label", "1 route through 4 stops, on a latitude/longitude projection")
    expect(drawing.locator("path.route")).to_have_count(1)
    assert drawing.locator("path.route").get_attribute("d").count("L") == len(cities)  # a closed tour
    expect(drawing.locator("g.stop")).to_have_count(len(cities) - 1)
    # North is up: Hamburg is drawn above Munich.
    def y_of(name):
        return float(re.search(r",([-\d.]+)\)", drawing.locator(f'[data-stop="{name}"]').get_attribute("transform")).group(1))
    assert y_of("Hamburg") < y_of("Munich")


def test_a_solve_shows_its_variables_and_constraints_as_tables(signed_in_page, console_server):
    page = signed_in_page
    lp = "Maximize\n obj: 5 a + 4 b + 3 c\nSubject To\n r1: 2 a + 3 b + c <= 5\n r2: 4 a + b + 2 c <= 11\n" \
         " r3: 3 a + 4 b + 2 c <= 8\nGeneral\n a b c\nEnd\n"
    status, result = console_server.request("POST", "/solve", {"lp": lp})
    assert status == 200, result
    page.goto(f"{console_server.base_url}/console#/runs/{result['execution_id']}")
    variables = page.get_by_role("region", name="Table variables")
    expect(variables.locator("tbody tr")).to_have_count(3)
    expect(variables.locator("tbody tr").first).to_have_text(re.compile("^a\\s*2$"))
    expect(page.get_by_role("region", name="Table constraints").locator("tbody tr")).to_have_count(3)
    expect(page.get_by_test_id("result-facts")).to_contain_text("13")
    expect(page.locator(".run-head .provenance")).to_have_text("POST /solve")


def test_a_shift_roster_is_drawn_staff_by_day(signed_in_page, console_server):
    page = signed_in_page
    model_id = activate(console_server, "employee_shift_scheduling")
    open_run_page(page, console_server, model_id)
    page.get_by_role("button", name="Run model").click()
    expect(page.get_by_test_id("run-status")).to_contain_text("succeeded")
    status, run = console_server.request("GET", f"/executions/{execution_id_of(page)}")
    solution, days = run["result"]["solution"], run["input"]["days"]
    roster = page.get_by_test_id("roster")
    expect(roster.locator("g.bar")).to_have_count(solution["shifts_assigned"])
    expect(roster.locator("text.row-label")).to_have_count(len(solution["roster"]))
    first = solution["roster"][0]
    for shift in first["shifts"]:
        expect(roster.locator(f'g.bar[data-row="{first["employee"]}"]').filter(has_text=shift["shift"]).first).to_be_visible()
    assert roster.locator("text.period").all_text_contents() == days
    page.evaluate("window.scrollBy(0, document.querySelector('[data-testid=roster]').getBoundingClientRect().top - 80)")
    screenshot(page, "result-roster")
