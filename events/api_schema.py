"""OpenAPI 3.1 description of the public API, served at /api/v1/schema/.

Written by hand next to events/api.py; tests check real responses against it.
"""

from __future__ import annotations

_ERRORS = {
    "type": "object",
    "required": ["errors"],
    "properties": {
        "errors": {
            "type": "object",
            "description": "Field name (or non_field_errors) → German messages, as on the form.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        }
    },
}

SESSION = {
    "type": "object",
    "required": [
        "id", "workshop", "start", "end", "district", "venue",
        "capacity", "seats_left", "waitlist_count", "url",
    ],
    "properties": {
        "id": {"type": "integer"},
        "workshop": {"type": "string", "description": "Title of the workshop"},
        "start": {"type": "string", "format": "date-time", "description": "Europe/Berlin offset"},
        "end": {"type": "string", "format": "date-time"},
        "district": {"type": "string"},
        "venue": {"type": "string"},
        "capacity": {"type": "integer", "minimum": 0},
        "seats_left": {"type": "integer", "minimum": 0},
        "waitlist_count": {"type": "integer", "minimum": 0},
        "url": {"type": "string", "format": "uri"},
    },
}  # fmt: skip

REGISTRATION_REQUEST = {
    "type": "object",
    "required": ["name", "privacy_consent"],
    "properties": {
        "name": {"type": "string", "maxLength": 120},
        "email": {"type": "string", "format": "email", "description": "email or phone"},
        "phone": {"type": "string", "maxLength": 40, "description": "email or phone"},
        "seats": {"type": "integer", "minimum": 1, "default": 1},
        "accessibility_needs": {"type": "string", "maxLength": 500},
        "privacy_consent": {"type": "boolean", "const": True},
        "website": {"type": "string", "description": "Honeypot: always leave empty."},
    },
}

REGISTRATION_RESPONSE = {
    "type": "object",
    "required": ["status", "cancel_url"],
    "properties": {
        "status": {"type": "string", "enum": ["confirmed", "waitlisted"]},
        "waitlist_position": {"type": "integer", "minimum": 1},
        "cancel_url": {"type": "string", "format": "uri"},
    },
}

SCHEMA = {
    "openapi": "3.1.0",
    "info": {
        "title": "Lernhafen – Workshop-Termine",
        "version": "1.0.0",
        "description": "Upcoming workshop sessions and registration for the CityApp. "
        "Registrations are rate-limited per address; messages are German.",
    },
    "paths": {
        "/sessions/": {
            "get": {
                "operationId": "listSessions",
                "summary": "Upcoming public sessions",
                "responses": {
                    "200": {
                        "description": "Sessions in start order",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["sessions"],
                                    "properties": {
                                        "sessions": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Session"},
                                        }
                                    },
                                }
                            }
                        },
                    }
                },
            }
        },
        "/sessions/{id}/registrations/": {
            "post": {
                "operationId": "register",
                "summary": "Book seats or join the waitlist",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
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
                        "description": "Booked or on the waitlist",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Registration"}
                            }
                        },
                    },
                    **{
                        code: {
                            "description": text,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Errors"}
                                }
                            },
                        }
                        for code, text in [
                            ("400", "Invalid input, with messages per field"),
                            ("404", "No such session"),
                            ("409", "Registration closed (cancelled or already started)"),
                            ("413", "Request body too large"),
                            ("429", "Too many registrations from this address"),
                        ]
                    },
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Session": SESSION,
            "RegistrationRequest": REGISTRATION_REQUEST,
            "Registration": REGISTRATION_RESPONSE,
            "Errors": _ERRORS,
        }
    },
}
