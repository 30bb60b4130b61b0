"""local/moto_transactions.py against moto's own TransactWriteItems: the same answers and the
same table after 300 random transactions of puts, updates, deletes and condition checks,
with conditions that pass and fail (a differential test: moto's is the reference)."""
import random

import boto3
import pytest
from moto import mock_aws
from moto.dynamodb.models import DynamoDBBackend

from local import moto_transactions

KEYS = [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}]
ATTRIBUTES = [{"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"}]


def random_operation(rnd: random.Random, sk: int) -> dict:
    key = {"PK": {"S": "p"}, "SK": {"S": str(sk)}}
    kind = rnd.choice(["Put", "Update", "Delete", "ConditionCheck"])
    condition = rnd.choice([None, "attribute_not_exists(PK)", "attribute_exists(PK)", "n < :lim"])
    if kind == "ConditionCheck" and condition is None:
        condition = "attribute_exists(PK)"
    op, values = {"TableName": "t"}, {}
    if condition:
        op["ConditionExpression"] = condition
    if condition == "n < :lim":
        values[":lim"] = {"N": str(rnd.randint(0, 5))}
    if kind == "Put":
        op["Item"] = {**key, "n": {"N": str(rnd.randint(0, 5))}}
    else:
        op["Key"] = key
    if kind == "Update":
        op["UpdateExpression"], values[":one"] = "ADD n :one", {"N": "1"}
    if values:
        op["ExpressionAttributeValues"] = values
    return {kind: op}


def replay(implementation, seed: int) -> tuple[list[str], list]:
    rnd = random.Random(seed)
    original = DynamoDBBackend.transact_write_items
    DynamoDBBackend.transact_write_items = implementation
    try:
        with mock_aws():
            client = boto3.client("dynamodb")
            client.create_table(TableName="t", KeySchema=KEYS, AttributeDefinitions=ATTRIBUTES,
                                BillingMode="PAY_PER_REQUEST")
            answers = []
            for _ in range(300):
                items = [random_operation(rnd, sk) for sk in rnd.sample(range(8), rnd.randint(1, 4))]
                try:
                    client.transact_write_items(TransactItems=items)
                    answers.append("ok")
                except client.exceptions.ClientError as error:
                    answers.append(str(error))
            table = sorted((item["SK"]["S"], item.get("n", {}).get("N")) for item in client.scan(TableName="t")["Items"])
            return answers, table
    finally:
        DynamoDBBackend.transact_write_items = original


@pytest.mark.parametrize("seed", range(2))
def test_same_answers_and_state_as_motos_own(seed):
    reference = replay(DynamoDBBackend.transact_write_items, seed)
    ours = replay(moto_transactions.transact_write_items, seed)
    assert ours == reference
    assert 50 < reference[0].count("ok") < 250  # both outcomes were exercised
