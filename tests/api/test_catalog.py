"""GET /models/catalog: public, filtered, searched, paginated from the template registry."""
import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.services.catalog import publish_catalog
from chalicelib.store.catalog import list_catalog_models
from chalicelib.templates import all_templates, get_template

TEMPLATES = {t.name: t for t in all_templates()}
from tests.api.helpers import call

CATALOG = "/api/v2/models/catalog"


def test_catalog_is_public_and_lists_every_template(client):
    status, page = call(client, "GET", CATALOG + "?page_size=100")
    assert status == 200
    assert page["total"] == len(TEMPLATES) == len(page["items"])
    assert {item["name"] for item in page["items"]} == set(TEMPLATES)
    warehouse = next(item for item in page["items"] if item["name"] == "warehouse_allocation")
    assert warehouse == {
        "id": catalog_id_for("warehouse_allocation"), "name": "warehouse_allocation",
        "display_name": "Warehouse Allocation Optimizer",
        "description": get_template("warehouse_allocation").description, "category": "logistics",
        "credits_per_execution": 3, "tags": get_template("warehouse_allocation").tags,
        "status": "published", "created_at": warehouse["created_at"],
    }
    assert warehouse["id"].startswith("mdl_") and warehouse["created_at"].endswith("Z")


def test_publishing_twice_keeps_one_entry_per_template_and_its_created_at(client):
    before = {item.catalog_id: item.created_at for item in list_catalog_models()}
    publish_catalog()
    after = {item.catalog_id: item.created_at for item in list_catalog_models()}
    assert after == before


def test_category_filter_is_case_insensitive(client):
    _, logistics = call(client, "GET", CATALOG + "?category=LOGISTICS&page_size=100")
    expected = {name for name, t in TEMPLATES.items() if t.category == "logistics"}
    assert {item["name"] for item in logistics["items"]} == expected
    assert logistics["total"] == len(expected)
    _, none = call(client, "GET", CATALOG + "?category=astrology")
    assert none == {"items": [], "total": 0, "page": 1, "page_size": 20}


@pytest.mark.parametrize("term", ["WAREHOUSE", "allocation optimizer", "inventory", "minimize storage"])
def test_search_covers_name_display_name_description_and_tags(client, term):
    _, page = call(client, "GET", CATALOG + f"?search={term.replace(' ', '%20')}")
    assert "warehouse_allocation" in {item["name"] for item in page["items"]}


def test_search_without_match_is_empty(client):
    _, page = call(client, "GET", CATALOG + "?search=zzzz-no-such-model")
    assert page["items"] == [] and page["total"] == 0


def test_pagination_walks_every_item_once(client):
    seen = []
    for page_number in range(1, len(TEMPLATES) + 2):
        status, page = call(client, "GET", CATALOG + f"?page={page_number}&page_size=1")
        assert status == 200 and page["page"] == page_number and page["page_size"] == 1
        assert page["total"] == len(TEMPLATES)
        seen += [item["name"] for item in page["items"]]
    assert sorted(seen) == sorted(TEMPLATES)  # the last page asked for is past the end: empty


@pytest.mark.parametrize("params,field", [
    ("page=0", "page"), ("page_size=0", "page_size"), ("page_size=101", "page_size"),
    ("page=abc", "page"), ("page_size=-5", "page_size"), ("colour=blue", "colour"),
])
def test_out_of_range_or_unknown_query_values_are_400_not_clamped(client, params, field):
    status, error = call(client, "GET", f"{CATALOG}?{params}")
    assert status == 400
    assert error["error"] == "bad_request"
    assert [detail["field"] for detail in error["details"]] == [field]


def test_page_size_100_is_allowed(client):
    status, page = call(client, "GET", CATALOG + "?page_size=100")
    assert status == 200 and page["page_size"] == 100
