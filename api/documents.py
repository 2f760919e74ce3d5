"""The JSON text of a stored record, written in pieces so the shared parts are written once.

Writing an assessment record (about 90 KB of JSON) was the largest part of the API's own CPU
time per request. Three quarters of those bytes are the "did not apply" entries of the
explanation, and the engine hands the same frozen entry object to every assessment with the same
rule, reason and missing facts (`engine.evaluator`). So each frozen model's JSON is written once
by pydantic and kept (by identity), and orjson joins the pieces.

The output is exactly `model.model_dump_json()`, byte for byte: the stored text is what every
later read returns. Every value is written by pydantic itself, except in the frame: the models
that lead to a frozen model (the record, the assessment, its explanation), where orjson writes
the field names in order, the lists of models that hold shared entries, and the fields declared
as text, yes/no or lists of text (orjson writes those exactly as pydantic does: every code point
and escape is checked in `tests/api/test_documents.py`). A frame field of another type is written
by pydantic for that type (`TypeAdapter`), a list of models without shared entries in one call;
a model with serialisers, aliases or computed fields of its own is written whole by pydantic, and
an unexpected value anywhere in the frame makes pydantic write the whole document.
"""

from __future__ import annotations

import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import orjson
from pydantic import BaseModel, TypeAdapter
from pydantic_core import SchemaSerializer


class _Unsupported(Exception):
    """A value in the frame that is not of its field's declared kind."""


_TEXT = 0  # str, bool, None, a Literal of those, or a list of str: orjson writes them as is
_MODEL = 1  # a model or None
_MODELS = 2  # a list of models

#: One field of a model in the frame: name, `exclude_if`, and how its value is written (one of
#: the kinds above, or pydantic's serialiser for the field's type).
_Field = tuple[str, Callable[[Any], bool] | None, int | SchemaSerializer]
#: Per model class: its fields in order, or None when pydantic writes the model whole (no
#: frozen model can be in it, or it has serialisers of its own).
_plans: dict[type[BaseModel], tuple[_Field, ...] | None] = {}

#: Frozen model -> its JSON, by identity (the object is kept, so its id cannot be reused).
_written: dict[int, tuple[BaseModel, orjson.Fragment]] = {}
#: More distinct frozen entries than this (the engine keeps at most 2,048 per compiled ruleset):
#: start again rather than grow without bound.
MAX_WRITTEN = 8192
_lock = threading.Lock()


def model_json(model: BaseModel) -> bytes:
    """`model.model_dump_json()` as UTF-8 bytes: the same bytes, with shared pieces written once."""
    try:
        return orjson.dumps(_frame(model))
    except _Unsupported:
        return model.__pydantic_serializer__.to_json(model)


def _frame(model: BaseModel) -> Any:
    cls = type(model)
    if cls.model_config.get("frozen"):
        found = _written.get(id(model))
        if found is not None and found[0] is model:
            return found[1]
        piece = orjson.Fragment(model.__pydantic_serializer__.to_json(model))
        with _lock:
            if len(_written) >= MAX_WRITTEN:
                _written.clear()
            _written[id(model)] = (model, piece)
        return piece
    try:
        plan = _plans[cls]
    except KeyError:
        plan = _plans[cls] = _plan(cls)
    if plan is None or model.__pydantic_extra__:
        return orjson.Fragment(model.__pydantic_serializer__.to_json(model))
    values = model.__dict__
    out: dict[str, Any] = {}
    for name, exclude_if, kind in plan:
        value = values[name]
        if exclude_if is not None and exclude_if(value):
            continue
        if kind is _TEXT:
            out[name] = _text(value)
        elif kind is _MODEL:
            out[name] = None if value is None else _frame(_model(value))
        elif kind is _MODELS:
            if type(value) is not list:
                raise _Unsupported
            out[name] = [_shared(item) for item in value]
        else:
            out[name] = orjson.Fragment(kind.to_json(value))  # type: ignore[union-attr]
    return out


def _shared(item: Any) -> Any:
    """An item of a list of models: a frozen one written before straight from `_written`."""
    found = _written.get(id(item))
    if found is not None and found[0] is item:
        return found[1]
    return _frame(_model(item))


def _text(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is list and all(type(item) is str for item in value):
        return value
    raise _Unsupported


def _model(value: Any) -> BaseModel:
    if not isinstance(value, BaseModel):
        raise _Unsupported
    return value


def _plan(cls: type[BaseModel]) -> tuple[_Field, ...] | None:
    """The fields of a model in the frame, or None when pydantic should write the model whole."""
    if not _leads_to_frozen(cls, set()):
        return None
    config = cls.model_config
    decorators = cls.__pydantic_decorators__
    if (
        decorators.field_serializers
        or decorators.model_serializers
        or cls.__pydantic_computed_fields__
        or cls.__pydantic_root_model__
        or config.get("serialize_by_alias")
        or config.get("ser_json_inf_nan", "null") != "null"
        or config.get("use_enum_values")
    ):
        return None
    fields: list[_Field] = []
    for name, info in cls.__pydantic_fields__.items():
        if info.exclude:
            continue
        if info.metadata or info.serialization_alias not in (None, name):
            return None  # constraints, annotated serialisers, aliases: pydantic's own writer
        fields.append((name, info.exclude_if, _kind(info.annotation)))
    return tuple(fields)


def _kind(annotation: Any) -> int | SchemaSerializer:
    """How a frame field declared as `annotation` is written."""
    options = _options(annotation)
    if all(option in (str, bool, type(None)) or _is_text_literal(option) for option in options):
        return _TEXT
    if all(option == list[str] or option is type(None) for option in options):
        return _TEXT
    if any(model.model_config.get("frozen") or _leads_to_frozen(model, set()) for model in _models_in(annotation)):
        if all(_is_model(option) or option is type(None) for option in options):
            return _MODEL
        if len(options) == 1 and typing.get_origin(options[0]) is list and _is_model(typing.get_args(options[0])[0]):
            return _MODELS
    # Nothing shared in it: pydantic writes the whole field at once (a list of models in one call).
    return TypeAdapter(annotation).serializer


def _options(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(option for arg in typing.get_args(annotation) for option in _options(arg))
    return (annotation,)


def _is_text_literal(annotation: Any) -> bool:
    return typing.get_origin(annotation) is typing.Literal and all(
        type(value) is str for value in typing.get_args(annotation)
    )


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _leads_to_frozen(cls: type[BaseModel], seen: set[type[BaseModel]]) -> bool:
    """Whether a field of `cls` (or of a model in it, and so on) is declared as a frozen model."""
    if cls in seen:
        return False
    seen.add(cls)
    for info in cls.__pydantic_fields__.values():
        for model in _models_in(info.annotation):
            if model.model_config.get("frozen") or _leads_to_frozen(model, seen):
                return True
    return False


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if _is_model(annotation):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]
