from django.http import HttpRequest

from cms.display import DisplayPreferences


def display_preferences(request: HttpRequest) -> dict:
    return {"display": DisplayPreferences.from_request(request)}
