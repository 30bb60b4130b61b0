"""Large JSON values (canvases, models): gzip inline in the item, or S3 when too big.

An item must stay under DynamoDB's 400 KB; a value whose gzip exceeds the
inline limit goes to S3 under a content-addressed key (the same canvas is
stored once) and the item keeps the key.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from chalicelib.settings import get_settings


@dataclass(frozen=True)
class StoredBlob:
    inline: bytes | None = None
    s3_key: str | None = None


@functools.cache
def _s3() -> Any:
    import boto3

    return boto3.client("s3")


def put_json(value: Any, prefix: str) -> StoredBlob:
    """Compress `value`; inline when small, else upload it (before any item refers to it)."""
    packed = gzip.compress(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode(), 6)
    settings = get_settings()
    if len(packed) <= settings.inline_blob_bytes:
        return StoredBlob(inline=packed)
    key = f"{prefix}/{hashlib.sha256(packed).hexdigest()}.json.gz"
    _s3().put_object(Bucket=settings.bucket_name, Key=key, Body=packed,
                     ContentType="application/json", ContentEncoding="gzip")
    return StoredBlob(s3_key=key)


def get_json(inline: bytes | None, s3_key: str | None) -> Any:
    if inline is not None:
        return json.loads(gzip.decompress(inline))
    if s3_key:
        body = _s3().get_object(Bucket=get_settings().bucket_name, Key=s3_key)["Body"].read()
        return json.loads(gzip.decompress(body))
    return None


def put_plain_json(key: str, value: Any) -> None:
    """A readable JSON object at a chosen key (a storage trigger's result beside its input)."""
    body = json.dumps(value, ensure_ascii=False, indent=2).encode()
    _s3().put_object(Bucket=get_settings().bucket_name, Key=key, Body=body, ContentType="application/json")


def get_plain_bytes(key: str, max_bytes: int) -> bytes:
    """An uploaded object, refused (ValueError) when missing or larger than `max_bytes`."""
    bucket = get_settings().bucket_name
    try:
        head = _s3().head_object(Bucket=bucket, Key=key)
    except Exception as error:  # botocore ClientError: gone already, or never readable
        raise ValueError(f"{key} cannot be read: {error}") from None
    if head["ContentLength"] > max_bytes:
        raise ValueError(f"{key} is {head['ContentLength']} bytes; the limit is {max_bytes}.")
    return _s3().get_object(Bucket=bucket, Key=key)["Body"].read()


def create_bucket(s3_client: Any, bucket_name: str) -> None:
    """Local set-up and tests: the bucket the deployment template declares in AWS."""
    existing = {b["Name"] for b in s3_client.list_buckets().get("Buckets", [])}
    if bucket_name not in existing:
        s3_client.create_bucket(Bucket=bucket_name)
