"""Tests never reach AWS: dummy credentials, one region, no endpoint override."""
import os

os.environ.update({
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1",
    "JAOT_TABLE_NAME": "jaot-test", "JAOT_JWT_SECRET": "test-secret-for-jwt-signing-0123456789",
})
os.environ.pop("AWS_ENDPOINT_URL", None)
