"""The store's Arrow schemas as Spark schemas, and row dicts as the tuples Spark takes.

The datasets' columns are the store's (store.py) and the quote and entity rows' (rows.py):
one definition each, so a column added to the store appears in the Parquet output too.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa
from pyspark.sql import types as T

_SCALARS = (
    (pa.types.is_string, T.StringType), (pa.types.is_int32, T.IntegerType),
    (pa.types.is_int64, T.LongType), (pa.types.is_float64, T.DoubleType),
    (pa.types.is_date32, T.DateType), (pa.types.is_boolean, T.BooleanType),
)


def spark_type(kind: pa.DataType) -> T.DataType:
    if pa.types.is_list(kind):
        return T.ArrayType(spark_type(kind.value_type))
    if pa.types.is_struct(kind):
        return T.StructType([T.StructField(f.name, spark_type(f.type)) for f in kind])
    for test, made in _SCALARS:
        if test(kind):
            return made()
    raise TypeError(f"no Spark type for Arrow type {kind}")


def spark_schema(schema: pa.Schema) -> T.StructType:
    return T.StructType([T.StructField(f.name, spark_type(f.type)) for f in schema])


def to_tuple(row: dict[str, Any], schema: pa.Schema) -> tuple:
    """A row dict (a missing column is null) as a tuple in the schema's order, each value
    cast to its column's type as the store's Arrow conversion would."""
    return tuple(_cast(row.get(f.name), f.type) for f in schema)


def _cast(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if pa.types.is_list(kind):
        return [_cast(v, kind.value_type) for v in value]
    if pa.types.is_struct(kind):
        return tuple(_cast(value.get(f.name), f.type) for f in kind)
    if pa.types.is_integer(kind):
        return int(value)
    if pa.types.is_floating(kind):
        return float(value)
    if pa.types.is_string(kind):
        return value if isinstance(value, str) else str(value)
    if pa.types.is_date32(kind) and not isinstance(value, date):
        return date.fromisoformat(str(value)[:10])
    return value
