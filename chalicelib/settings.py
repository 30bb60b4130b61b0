"""Runtime settings, read once from the environment on first use."""
from __future__ import annotations

import functools
import os

from pydantic import BaseModel, Field


class Settings(BaseModel):
    table_name: str = "jaot"
    jwt_secret: str | None = None
    max_body_bytes: int = Field(default=1_048_576, gt=0)
    max_time_limit_s: float = Field(default=60.0, gt=0)
    max_models_per_org: int = Field(default=500, gt=0)
    demo_credits: int = Field(default=1000, ge=0)


_ENV = {
    "table_name": "JAOT_TABLE_NAME",
    "jwt_secret": "JAOT_JWT_SECRET",
    "max_body_bytes": "JAOT_MAX_BODY_BYTES",
    "max_time_limit_s": "JAOT_MAX_TIME_LIMIT_S",
    "max_models_per_org": "JAOT_MAX_MODELS_PER_ORG",
    "demo_credits": "JAOT_DEMO_CREDITS",
}


@functools.cache
def get_settings() -> Settings:
    """Settings from JAOT_* variables; cached for the life of the process."""
    values = {field: os.environ[var] for field, var in _ENV.items() if os.environ.get(var)}
    return Settings(**values)
