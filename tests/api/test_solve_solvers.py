"""POST /api/v2/solve: `highs`, the measured `auto`, and `gap_tolerance` in the answer."""
import pytest

from tests.api.helpers import call, new_org
from tests.engine.test_solver_backends import small


@pytest.fixture
def org():
    return new_org(credits=20)


def test_highs_solves_an_lp_with_the_right_dual_and_names_itself(client, org):
    status, result = call(client, "POST", "/api/v2/solve", org, {"model": small(), "solver": "highs"})
    assert status == 200, result
    # max 3x + 2y, 2x + 3y <= 12.5: x = 6.25, cap's dual 1.5 (pywraplp's HiGHS would say 12.5).
    assert result["status"] == "optimal" and result["objective_value"] == pytest.approx(18.75)
    assert result["solution"]["constraints"]["cap"]["dual_value"] == pytest.approx(1.5)
    assert result["solver"].startswith("HiGHS 1.") and result["gap_tolerance"] is None


def test_a_mip_reports_the_gap_it_was_proven_within(client, org):
    status, result = call(client, "POST", "/api/v2/solve", org, {"model": small("integer")})
    assert status == 200 and result["status"] == "optimal" and result["objective_value"] == 18
    assert result["gap_tolerance"] == 0.0001 and result["gap"] <= result["gap_tolerance"]
    status, result = call(client, "POST", "/api/v2/solve", org,
                          {"model": small("integer"), "options": {"relative_gap": 0.02}})
    assert status == 200 and result["gap_tolerance"] == 0.02


def test_cp_sat_on_continuous_variables_is_a_400_before_charging(client, org):
    status, body = call(client, "POST", "/api/v2/solve", org, {"model": small(), "solver": "cp_sat"})
    assert status == 400 and any(item["field"] == "solver" for item in body["details"])
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 20


def test_the_openapi_document_offers_highs(client):
    status, document = call(client, "GET", "/api/v2/openapi.json", None)
    assert status == 200
    assert '"highs"' in str(document).replace("'", '"')
