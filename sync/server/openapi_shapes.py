"""JSON Schemas of the wire shapes in sync/protocol.py, for the OpenAPI document (/openapi.json).

The endpoints read their bodies by hand (read_json), so FastAPI cannot describe them: these schemas say what
each endpoint accepts and answers, so that readers and schemathesis see the real contract. Field names of every
record type come from sync/records.py, so a new field shows up here without an edit.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from sync.protocol import OPS, PROTOCOL_HEADER, SUPPORTED_PROTOCOLS
from sync.records import RECORD_TYPES, Field, Kind
from sync.server.service import MAX_CHANGE_ID_LENGTH, UNKNOWN_FIELD_NAME

Schema = dict[str, Any]

# The largest seq or conflict id: they are INTEGER columns, 32-bit on PostgreSQL (64 on SQLite). A cursor past
# it cannot name a row, and binding it overflows the column's type (a 500 before this bound).
MAX_SEQ = 2**31 - 1

_STRING: Schema = {"type": "string"}
_INTEGER: Schema = {"type": "integer"}
_UUID: Schema = {"type": "string", "format": "uuid"}
_VERSIONS: Schema = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}

ERROR_BODY: Schema = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {"error": _STRING, "message": _STRING},
    "additionalProperties": False,
}

_KIND_SCHEMAS: dict[Kind, Schema] = {
    Kind.INT: {"type": ["integer", "null"]},
    Kind.YEAR: {"type": ["integer", "null"]},
    Kind.REF: {"type": ["string", "null"], "format": "uuid"},
    Kind.ID_LIST: {"type": "array", "items": _UUID},
    Kind.TEXT_LIST: {"type": "array", "items": _STRING},
    Kind.COUNTS: {"type": "object", "additionalProperties": {"type": ["integer", "null"], "minimum": 0}},
    Kind.JSON: {},
}


def _field_schema(field: Field) -> Schema:
    """What a field's value may be on the wire (clean_values also takes text for numbers, dates and lists)."""
    if field.choices:
        return {"type": ["string", "null"], "enum": [choice.value for choice in field.choices] + [None]}
    return _KIND_SCHEMAS.get(field.kind, {"type": ["string", "null"]})


def _common_fields() -> dict[str, Schema]:
    return {
        "id": _UUID,
        "commune_code": _STRING,
        "code_scheme": _STRING,
        "created_at": _STRING,
        "updated_at": _STRING,
        "deleted": {"type": "integer", "enum": [0, 1]},
    }


def _change_schema(type_name: str) -> Schema:
    """A change of one record type: its record_type is fixed, its fields are that type's fields."""
    fields = {field.name: _field_schema(field) for field in RECORD_TYPES[type_name].fields}
    return {
        "type": "object",
        "required": ["change_id", "record_type", "record_id", "commune_code", "op", "fields", "base_versions"],
        "properties": {
            # "<device_id>:<seq>" from the laptop; the server takes any printable text up to the limit.
            "change_id": {"type": "string", "pattern": "^[!-~]+$", "maxLength": MAX_CHANGE_ID_LENGTH},
            "record_type": {"const": type_name},
            "record_id": _UUID,
            "commune_code": {"type": "string", "pattern": "^[0-9]{5}$"},
            "op": {"enum": list(OPS)},
            "fields": {
                "type": "object",
                "properties": {**_common_fields(), **fields},
                # Fields this server does not know yet (a newer app's) are kept when their names look like ours.
                "patternProperties": {UNKNOWN_FIELD_NAME.pattern.join("^$"): {}},
                "additionalProperties": False,
            },
            "base_versions": _VERSIONS,
            "changed_at": _STRING,
            "author": _STRING,
        },
    }


ENROLL_REQUEST: Schema = {
    "type": "object",
    "required": ["code"],
    "properties": {
        "code": {"type": "string", "description": "Mã đăng ký một lần, dạng XXXX-XXXX-XXXX."},
        "device_name": _STRING,
        "app_version": _STRING,
    },
}

PUSH_REQUEST: Schema = {
    "type": "object",
    "required": ["changes"],
    "properties": {
        "batch_id": _STRING,
        "changes": {"type": "array", "items": {"anyOf": [_change_schema(name) for name in sorted(RECORD_TYPES)]}},
    },
}

ENROLL_RESPONSE: Schema = {
    "type": "object",
    "required": ["device_id", "token", "commune_code", "scheme"],
    "properties": {"device_id": _STRING, "token": _STRING, "commune_code": _STRING, "scheme": _STRING},
}

PUSH_RESPONSE: Schema = {
    "type": "object",
    "required": ["results"],
    "properties": {
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["change_id", "status"],
                "properties": {
                    "change_id": _STRING,
                    "status": {"enum": ["applied", "rejected"]},
                    "reason": _STRING,
                    "seq": _INTEGER,
                    "versions": _VERSIONS,
                    "conflicts": {"type": "array", "items": _STRING},
                },
            },
        }
    },
}

PULL_RESPONSE: Schema = {
    "type": "object",
    "required": ["records", "cursor", "more"],
    "properties": {
        "records": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["record_type", "record_id", "fields", "versions", "deleted", "seq"],
                "properties": {
                    "record_type": {"enum": sorted(RECORD_TYPES)},
                    "record_id": _STRING,
                    "fields": {"type": "object"},
                    "versions": _VERSIONS,
                    "deleted": {"enum": [0, 1]},
                    "seq": _INTEGER,
                },
            },
        },
        "cursor": {"type": "integer", "minimum": 0},
        "more": {"type": "boolean"},
    },
}

CONFLICTS_RESPONSE: Schema = {
    "type": "object",
    "required": ["conflicts", "last_id"],
    "properties": {"conflicts": {"type": "array", "items": {"type": "object"}}, "last_id": _INTEGER},
}

SUMMARY_RESPONSE: Schema = {
    "type": "object",
    "required": ["counts", "digest"],
    "properties": {
        "counts": {"type": "object", "additionalProperties": _INTEGER},
        "digest": {"type": "object", "additionalProperties": _STRING},
        "latest_version": {"type": ["object", "null"]},
        "last_conflict_id": _INTEGER,
    },
}

_PROTOCOL_PARAMETER: Schema = {
    "name": PROTOCOL_HEADER,
    "in": "header",
    "required": True,
    "description": "Phiên bản giao thức đồng bộ; phiên bản khác được trả lời 426.",
    "schema": {"type": "string", "enum": [str(version) for version in SUPPORTED_PROTOCOLS]},
}

_ERRORS: dict[int, str] = {
    400: "Dữ liệu gửi lên không đọc được.",
    401: "Thiết bị chưa đăng ký hoặc đã bị thu hồi.",
    403: "Không được phép (mã đăng ký sai hoặc dữ liệu của xã khác).",
    413: "Dữ liệu gửi lên quá lớn.",
    422: "Yêu cầu không hợp lệ.",
    426: "Phiên bản giao thức không còn được hỗ trợ.",
    503: "Máy chủ đang bận; thử lại sau số giây ghi trong Retry-After.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route for the error statuses it may answer, each with the error body."""
    # Copies: FastAPI merges into these dictionaries when it builds the document.
    return {
        status: {"description": _ERRORS[status], "content": {"application/json": {"schema": deepcopy(ERROR_BODY)}}}
        for status in statuses
    }


def operation_extra(answer: Schema, body: Schema | None = None) -> dict[str, Any]:
    """A route's `openapi_extra`: the protocol header, the JSON body it reads by hand and its 200 answer."""
    extra: dict[str, Any] = {
        "parameters": [_PROTOCOL_PARAMETER],
        "responses": {"200": {"content": {"application/json": {"schema": answer}}}},
    }
    if body is not None:
        extra["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return deepcopy(extra)
