"""The table's physical definition: used by local set-up, tests and deployment."""
from __future__ import annotations

from typing import Any

TTL_ATTRIBUTE = "expires_at"

TABLE_DEFINITION: dict[str, Any] = {
    "KeySchema": [
        {"AttributeName": "PK", "KeyType": "HASH"},
        {"AttributeName": "SK", "KeyType": "RANGE"},
    ],
    "AttributeDefinitions": [
        {"AttributeName": "PK", "AttributeType": "S"},
        {"AttributeName": "SK", "AttributeType": "S"},
        {"AttributeName": "GSI1PK", "AttributeType": "S"},
        {"AttributeName": "GSI1SK", "AttributeType": "S"},
    ],
    "GlobalSecondaryIndexes": [
        {
            "IndexName": "GSI1",
            "KeySchema": [
                {"AttributeName": "GSI1PK", "KeyType": "HASH"},
                {"AttributeName": "GSI1SK", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "ALL"},
        }
    ],
    "BillingMode": "PAY_PER_REQUEST",
}


def create_table(dynamodb_client: Any, table_name: str) -> None:
    """Create the table (and its TTL setting) unless it already exists."""
    existing = dynamodb_client.list_tables().get("TableNames", [])
    if table_name in existing:
        return
    dynamodb_client.create_table(TableName=table_name, **TABLE_DEFINITION)
    dynamodb_client.get_waiter("table_exists").wait(TableName=table_name)
    dynamodb_client.update_time_to_live(
        TableName=table_name,
        TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE},
    )
