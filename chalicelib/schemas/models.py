"""Organization models: activated catalog models and private models."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from chalicelib.schemas.common import Name, Omittable, Page, PageQuery, RequestModel, SearchText, Text, unsafe_character

GENERATOR_TYPES = ("template", "builder")
GeneratorType = Literal["template", "builder"]

MODEL_NAME = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
Tag = Annotated[Name, Field(min_length=1, max_length=50)]


def _visible_labels(fields: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """input_fields are shown as a form: every text in them (labels, descriptions, enum
    values, and the keys) follows the description rules."""
    pending: list[Any] = [fields]
    while pending:
        node = pending.pop()
        texts = [*node.keys(), *node.values()] if isinstance(node, dict) else node if isinstance(node, list) else [node]
        for text in texts:
            if isinstance(text, (dict, list)):
                pending.append(text)
            elif isinstance(text, str) and (found := unsafe_character(text, "\n\t")) is not None:
                raise ValueError(f"labels must not contain control, bidirectional or invisible formatting "
                                 f"characters; found U+{ord(found):04X}")
    return fields


class OrgModelQuery(PageQuery):
    category: str | None = SearchText
    search: str | None = SearchText
    is_active: bool | None = None
    is_favorite: bool | None = None


class OrgModelActivated(BaseModel):
    """The activation reply, exactly the spec's fields."""

    id: str
    catalog_id: str | None
    organization_id: str
    custom_name: str | None
    is_active: bool
    created_at: str


class OrgModelPublic(OrgModelActivated):
    name: str
    display_name: str
    description: str | None
    category: str | None
    tags: list[str]
    credits_per_execution: int
    generator_type: str
    custom_config: dict[str, Any] | None
    is_favorite: bool
    updated_at: str


OrgModelList = Page[OrgModelPublic]


class OrgModelSchema(BaseModel):
    id: str
    name: str
    generator_type: str
    input_schema: dict[str, Any]
    input_fields: list[dict[str, Any]]
    example_input: dict[str, Any] | None
    custom_config: dict[str, Any] | None


class OrgModelCreate(RequestModel):
    name: str = MODEL_NAME
    """Machine-readable model name (letters, digits, `_`, `-`, `.`)."""
    display_name: Name | None = Field(default=None, min_length=1, max_length=200)
    description: Text | None = Field(default=None, max_length=2000)
    category: Name | None = Field(default=None, min_length=1, max_length=50)
    generator_type: GeneratorType
    """How the model runs: `template` (a marketplace template) or `builder` (a builder version)."""
    input_schema: dict[str, Any] | None = None
    """JSON Schema (2020-12) that input_data must satisfy, checked before the template's own.
    It is data, never a pointer: `$ref` only as `#` or `#/...` into this schema (nothing is
    fetched), no `$dynamicRef` nor `$id` below the root, no `$ref` cycle that does not descend
    into the data; `pattern` and `patternProperties` run on RE2 (no backreferences or lookaround)."""
    input_fields: Annotated[list[dict[str, Any]] | None, AfterValidator(_visible_labels)] = Field(
        default=None, max_length=200)
    example_input: dict[str, Any] | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=20)
    custom_config: dict[str, Any] | None = None
    """`template` models: `{"template": "<catalog model name>"}` picks what runs.
    `builder` models: `{"document_id": "doc_...", "version_id": "ver_..."}`; the version is pinned."""


class OrgModelUpdate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    custom_name: Name | None = Field(default=None, max_length=200)
    custom_config: dict[str, Any] | None = None
    is_active: bool = Omittable()
    is_favorite: bool = Omittable()

    @model_validator(mode="after")
    def _not_empty(self) -> "OrgModelUpdate":
        if not self.model_fields_set:
            raise ValueError("give at least one of: custom_name, custom_config, is_active, is_favorite")
        return self
