"""Every test runs against moto's in-memory AWS; nothing leaves the machine."""
import os

os.environ.update({
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1",
    "JAOT_TABLE_NAME": "jaot-test", "JAOT_JWT_SECRET": "test-secret-for-jwt-signing-0123456789",
})
os.environ.pop("AWS_ENDPOINT_URL", None)

import boto3  # noqa: E402
import pytest  # noqa: E402
from moto import mock_aws  # noqa: E402

from chalicelib.settings import get_settings  # noqa: E402


@pytest.fixture(autouse=True)
def aws():
    """A fresh table per test, with the catalog published."""
    get_settings.cache_clear()
    with mock_aws():
        from chalicelib.services.catalog import publish_catalog
        from chalicelib.store.table import create_table

        create_table(boto3.client("dynamodb"), os.environ["JAOT_TABLE_NAME"])
        publish_catalog()
        yield
    get_settings.cache_clear()


@pytest.fixture
def client():
    from chalice.test import Client

    from app import app

    with Client(app) as test_client:
        yield test_client
