"""API tests run on moto's in-memory AWS through chalice.test.Client."""
import os

import boto3
import pytest
from moto import mock_aws

from chalicelib.settings import get_settings


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
