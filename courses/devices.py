"""Device variants of a tutorial: which variants it offers and which steps each one shows.

A tutorial is either the same on every device (no variants) or offers one variant per device.
A step marked for one device appears only in that device's variant; a step without a device
appears in every variant. The page model, the admin form, the variants panel and the public
view all ask these functions, so the rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from courses.choices import Device, StepDevice

DEVICES = Device.choices
DEVICE_LABELS = dict(DEVICES)
STEP_DEVICE_CHOICES = StepDevice.choices


class HasDevice(Protocol):
    device: str


S = TypeVar("S", bound=HasDevice)


def offered_devices(chosen: Iterable[str], step_devices: Iterable[str]) -> list[tuple[str, str]]:
    """The variants in display order: the editor's choice, else every device once any step is
    device-specific (so no variant silently disappears), else none (one version for all)."""
    chosen = set(chosen or ())
    if chosen:
        return [(key, label) for key, label in DEVICES if key in chosen]
    if any(step_devices):
        return list(DEVICES)
    return []


def steps_for_device(steps: Sequence[S], device: str) -> list[S]:
    """The steps of one variant: the common steps and those marked for this device."""
    return [step for step in steps if not step.device or step.device == device]
