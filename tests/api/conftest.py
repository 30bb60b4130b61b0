"""API tests run on moto's in-memory AWS through chalice.test.Client."""
import os
import threading

import boto3
import pytest
from moto import mock_aws
from moto.core.botocore_stubber import BotocoreStubber

from chalicelib.settings import get_settings


@pytest.fixture(scope="session")
def dynamodb_client():
    """One botocore client for the session: building one costs ~0.1 s, and moto's mock
    intercepts clients whenever they were made."""
    return boto3.client("dynamodb")


@pytest.fixture(scope="session")
def s3_client():
    return boto3.client("s3")


@pytest.fixture(scope="session")
def sqs_client():
    return boto3.client("sqs")


@pytest.fixture(autouse=True)
def aws(dynamodb_client, s3_client, sqs_client):
    """A fresh table per test, with the catalog published."""
    get_settings.cache_clear()
    with mock_aws():
        from chalicelib.services.catalog import publish_catalog
        from chalicelib.store.table import create_table

        from chalicelib.store.blobs import create_bucket

        create_table(dynamodb_client, os.environ["JAOT_TABLE_NAME"])
        create_bucket(s3_client, get_settings().bucket_name)
        from chalicelib.store.queues import connect_storage_events, create_queues

        create_queues(sqs_client)
        connect_storage_events(s3_client, sqs_client)
        publish_catalog()
        yield
    get_settings.cache_clear()


@pytest.fixture
def client():
    from chalice.test import Client

    from app import app

    with Client(app) as test_client:
        yield test_client


@pytest.fixture
def atomic_moto(monkeypatch):
    """DynamoDB applies each request atomically; moto's in-memory backend does not
    across threads, so serialize its request handling (not ours) with a lock."""
    lock = threading.Lock()
    process_request = BotocoreStubber.process_request

    def one_at_a_time(self, request):
        with lock:
            return process_request(self, request)

    monkeypatch.setattr(BotocoreStubber, "process_request", one_at_a_time)
