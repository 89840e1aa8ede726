"""Form handling for server-rendered pages: parse, and show errors beside fields."""
from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request

from server.errors import AppError, BadRequest


async def form_data(request: Request) -> dict[str, str]:
    """The urlencoded form as a flat dict (first value wins). Bad encodings are a 400."""
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
        parsed = parse_qs(text, keep_blank_values=True, max_num_fields=200, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise BadRequest("The form could not be read. Please try again.", code="invalid_form") from None
    return {key: values[0] for key, values in parsed.items() if key != "csrf_token"}


def field_errors(exc: AppError) -> dict[str, str]:
    """Map an AppError to {field: message}; errors without a field go under '_'."""
    return {exc.field or "_": exc.message}
