"""OpenAPI 3.1 description of the public API, served at /api/v1/schema/.

Written by hand next to events/api.py, which checks requests with the very constants below
(patterns, lengths, limits), so the document states every rule the server applies.
schemathesis runs against it in the test suite (tests/events/test_api_contract.py).
"""

from __future__ import annotations

PROBLEM_TYPE = "application/problem+json"

# Text without control characters (C0, DEL, C1); a name needs one visible character.
_NO_CONTROL = r"[^\u0000-\u001f\u007f-\u009f]"
_VISIBLE = r"[^\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
NAME_PATTERN = rf"^{_NO_CONTROL}*{_VISIBLE}{_NO_CONTROL}*$"
NAME_MAX = 120
# Dot-atom local part and a domain with a letter TLD: what the confirmation mail can reach.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_PATTERN = (
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    rf"@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}$"
)
EMAIL_MAX = 254
# Digits with single spaces, brackets, slashes or dashes between them; at least 6 digits.
PHONE_PATTERN = r"^\+?[0-9](?:[ ()/-]{0,3}[0-9]){5,}$"
PHONE_MAX = 30
NOTES_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$"
NOTES_MAX = 500
SEATS_MAX = 1000  # no session has more seats; the session's own group_limit is lower
IDEMPOTENCY_KEY_PATTERN = r"^[A-Za-z0-9_.:-]{8,100}$"
LIST_LIMIT_DEFAULT = 50
LIST_LIMIT_MAX = 100
DATE_MIN, DATE_MAX = "2000-01-01", "2100-12-31"
# events.models.SessionLanguage's codes (a test keeps the two the same).
SESSION_LANGUAGES = ["de", "en", "tr", "ar", "uk", "ru", "pl"]
# The site's languages (settings.LANGUAGES): what a registration's mails can be written in.
SITE_LANGUAGES = ["de", "de-x-ls", "en", "tr", "ar", "uk"]

PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details; German texts for people, `errors` per field.",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "Field name (or non_field_errors) → German messages, as on the form.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}

SESSION = {
    "type": "object",
    "required": [
        "id", "workshop", "start", "end", "district", "venue", "language",
        "capacity", "seats_left", "waitlist_count", "url",
    ],
    "properties": {
        "id": {"type": "integer"},
        "workshop": {"type": "string", "description": "Title of the workshop"},
        "start": {"type": "string", "format": "date-time", "description": "Europe/Berlin offset"},
        "end": {"type": "string", "format": "date-time"},
        "district": {"type": "string"},
        "district_slug": {"type": "string", "description": "Value for the `district` filter"},
        "venue": {"type": "string"},
        "language": {
            "type": "string",
            "enum": SESSION_LANGUAGES,
            "description": "Language the session is held in (ISO 639-1 code)",
        },
        "capacity": {"type": "integer", "minimum": 0},
        "group_limit": {
            "type": "integer",
            "minimum": 1,
            "description": "Most seats one registration may book (1 for individuals, e.g. 30 "
            "for a school class)",
        },
        "seats_left": {"type": "integer", "minimum": 0},
        "waitlist_count": {"type": "integer", "minimum": 0},
        "url": {"type": "string", "format": "uri"},
    },
}  # fmt: skip

REGISTRATION_REQUEST = {
    "type": "object",
    "description": "An e-mail address or a telephone number (or both) is required. Booking "
    "more seats than the session's `group_limit` is refused with 422.",
    "required": ["name", "privacy_consent"],
    "anyOf": [{"required": ["email"]}, {"required": ["phone"]}],
    "additionalProperties": False,
    "properties": {
        "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": NAME_MAX,
            "pattern": NAME_PATTERN,
            "description": "At least one visible character, no control characters.",
        },
        "email": {
            "type": "string",
            "maxLength": EMAIL_MAX,
            "pattern": EMAIL_PATTERN,
            "description": "E-mail address; the confirmation with the calendar entry goes here.",
        },
        "phone": {
            "type": "string",
            "maxLength": PHONE_MAX,
            "pattern": PHONE_PATTERN,
            "description": "Telephone number with at least 6 digits, e.g. 02363 107-0.",
        },
        "seats": {
            "type": "integer",
            "minimum": 1,
            "maximum": SEATS_MAX,
            "default": 1,
            "description": "At most the session's `group_limit` (see the sessions list).",
        },
        "accessibility_needs": {
            "type": "string",
            "maxLength": NOTES_MAX,
            "pattern": NOTES_PATTERN,
        },
        "privacy_consent": {"type": "boolean", "const": True},
        "language": {
            "type": "string",
            "enum": SITE_LANGUAGES,
            "default": "de",
            "description": "Language of the confirmation mail, the calendar entry and the links "
            "in them (de-x-ls: Leichte Sprache).",
        },
    },
}

REGISTRATION_RESPONSE = {
    "type": "object",
    "required": ["status", "reference", "cancel_url"],
    "properties": {
        "status": {"type": "string", "enum": ["confirmed", "waitlisted"]},
        "reference": {
            "type": "string",
            "pattern": "^[A-Z0-9]{6}$",
            "description": "Short reference number for the person, e.g. to cancel by phone.",
        },
        "waitlist_position": {"type": "integer", "minimum": 1},
        "cancel_url": {"type": "string", "format": "uri"},
    },
}


def _problem_responses(*codes_and_texts: tuple[str, str]) -> dict:
    return {
        code: {
            "description": text,
            "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code, text in codes_and_texts
    }


_NOT_ALLOWED = ("405", "Method not allowed (the Allow header lists the methods)")
_TOO_MANY = ("429", "Too many requests from this address; try again later")

SCHEMA = {
    "openapi": "3.1.0",
    "info": {
        "title": "Lernhafen – Workshop-Termine",
        "version": "1.1.0",
        "description": "Workshop sessions and registration for the CityApp. Messages are "
        "German. Every error under /api/ is RFC 9457 problem details "
        "(application/problem+json). Unknown paths answer 404, HEAD works wherever GET does.",
    },
    "paths": {
        "/sessions/": {
            "get": {
                "operationId": "listSessions",
                "summary": "Public sessions from today on, in start order, paginated",
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": LIST_LIMIT_MAX,
                            "default": LIST_LIMIT_DEFAULT,
                        },
                    },
                    {
                        "name": "offset",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 0, "maximum": 100_000},
                    },
                    {
                        "name": "district",
                        "in": "query",
                        "description": "Only sessions in this district (its `district_slug`)",
                        "schema": {"type": "string", "pattern": r"^[-a-zA-Z0-9_]{1,100}$"},
                    },
                    {
                        "name": "language",
                        "in": "query",
                        "description": "Only sessions held in this language (ISO 639-1 code)",
                        "schema": {"type": "string", "enum": SESSION_LANGUAGES},
                    },
                    *(
                        {
                            "name": name,
                            "in": "query",
                            "description": text,
                            "schema": {
                                "type": "string",
                                "format": "date",
                                "description": f"Dates before {DATE_MIN} or after {DATE_MAX} "
                                "count as those days",
                            },
                        }
                        for name, text in (
                            ("from", "Only sessions ending on or after this day"),
                            ("to", "Only sessions starting on or before this day"),
                        )
                    ),
                ],
                "responses": {
                    "200": {
                        "description": "One page of sessions; `next` is the following page",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["sessions", "count", "limit", "offset", "next"],
                                    "properties": {
                                        "sessions": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Session"},
                                        },
                                        "count": {"type": "integer", "minimum": 0},
                                        "limit": {"type": "integer", "minimum": 1},
                                        "offset": {"type": "integer", "minimum": 0},
                                        "next": {"type": ["string", "null"], "format": "uri"},
                                    },
                                }
                            }
                        },
                    },
                    **_problem_responses(
                        ("400", "Invalid query parameter, with messages per parameter"),
                        _NOT_ALLOWED,
                    ),
                },
            }
        },
        "/sessions/{id}/registrations/": {
            "post": {
                "operationId": "register",
                "summary": "Book seats or join the waitlist",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 2_147_483_647},
                    },
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "description": "A key the client makes up per booking. A retry with the "
                        "same key and the same details returns the first booking instead of "
                        "booking again; the same key with other details gets 422.",
                        "schema": {"type": "string", "pattern": IDEMPOTENCY_KEY_PATTERN},
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/RegistrationRequest"}
                        }
                    },
                },
                "responses": {
                    "201": {
                        "description": "Booked or on the waitlist (also for a retry with the "
                        "same Idempotency-Key)",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Registration"}
                            }
                        },
                    },
                    **_problem_responses(
                        ("400", "Invalid input, with messages per field"),
                        ("404", "No such public session"),
                        _NOT_ALLOWED,
                        (
                            "409",
                            "The session takes no registration now (cancelled or started), or "
                            "this e-mail address or phone number already holds the most "
                            "registrations allowed for it",
                        ),
                        ("413", "Request body larger than 10,000 bytes"),
                        ("415", "Content-Type is not application/json"),
                        (
                            "422",
                            "More seats than the session's group_limit, or an Idempotency-Key "
                            "reused with other details",
                        ),
                        _TOO_MANY,
                    ),
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Session": SESSION,
            "RegistrationRequest": REGISTRATION_REQUEST,
            "Registration": REGISTRATION_RESPONSE,
            "Problem": PROBLEM,
        }
    },
}
