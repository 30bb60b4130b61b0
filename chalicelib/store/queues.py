"""The SQS queues: queued runs, their dead letters, and inbound trigger events.

Queue names come from settings; URLs are looked up once per process (they differ
between AWS, moto's server and moto's in-process mock, so they are never built by hand).
"""
from __future__ import annotations

import functools
import json
from typing import Any

from chalicelib.settings import get_settings


@functools.cache
def _sqs() -> Any:
    import boto3

    return boto3.client("sqs")


@functools.cache
def queue_url(name: str) -> str:
    return _sqs().get_queue_url(QueueName=name)["QueueUrl"]


def send_run(organization_id: str, execution_id: str, delay_s: int = 0) -> None:
    """The message names the run; everything the worker needs is in the execution record.
    A delayed one (at most 900 s) watches a long run's lease (services/long_runs.py)."""
    body = json.dumps({"organization_id": organization_id, "execution_id": execution_id})
    _sqs().send_message(QueueUrl=queue_url(get_settings().runs_queue), MessageBody=body,
                        DelaySeconds=max(0, min(900, int(delay_s))))


def receive(name: str, max_messages: int = 10, wait_s: int = 0) -> list[dict[str, Any]]:
    """For the local worker loop and tests: what Lambda's event source does in AWS."""
    reply = _sqs().receive_message(QueueUrl=queue_url(name), MaxNumberOfMessages=max_messages,
                                   WaitTimeSeconds=wait_s, MessageAttributeNames=["All"])
    return reply.get("Messages", [])


def delete(name: str, receipt_handle: str) -> None:
    _sqs().delete_message(QueueUrl=queue_url(name), ReceiptHandle=receipt_handle)


def create_queues(sqs_client: Any) -> None:
    """Local set-up and tests: the queues the deployment template declares in AWS,
    with the same redrive policy (three deliveries, then the dead-letter queue)."""
    settings = get_settings()
    dlq_url = sqs_client.create_queue(QueueName=settings.runs_dlq)["QueueUrl"]
    dlq_arn = sqs_client.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])[
        "Attributes"]["QueueArn"]
    redrive = json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(settings.max_run_deliveries)})
    sqs_client.create_queue(QueueName=settings.runs_queue,
                            Attributes={"RedrivePolicy": redrive, "VisibilityTimeout": "900"})
    for name in (settings.trigger_events_queue, settings.storage_events_queue):
        sqs_client.create_queue(QueueName=name)
    queue_url.cache_clear()


def connect_storage_events(s3_client: Any, sqs_client: Any) -> None:
    """Local set-up and tests: the bucket notifies the storage-events queue of new JSON files
    under inbox/, as the deployment template declares it in AWS."""
    settings = get_settings()
    url = sqs_client.get_queue_url(QueueName=settings.storage_events_queue)["QueueUrl"]
    arn = sqs_client.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    s3_client.put_bucket_notification_configuration(
        Bucket=settings.bucket_name,
        NotificationConfiguration={"QueueConfigurations": [{
            "QueueArn": arn, "Events": ["s3:ObjectCreated:*"],
            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "inbox/"},
                                               {"Name": "suffix", "Value": ".json"}]}},
        }]},
    )
