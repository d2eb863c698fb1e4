"""The second factor: an authenticator app (TOTP, django-otp) with ten single-use recovery
codes; who must have one; checking a code (docs/domain.md#second-factor)."""

from __future__ import annotations

import base64

import django_otp
import segno
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecondFactorRequirement

RECOVERY_CODES = 10


def second_factor_required(user: AbstractBaseUser) -> bool:
    """Superusers always; anyone else the administrator has marked."""
    return user.is_superuser or SecondFactorRequirement.objects.filter(user_id=user.pk).exists()


def has_second_factor(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user_id=user.pk, device__confirmed=True).count()


def totp_pending(user: AbstractBaseUser) -> TOTPDevice:
    """The authenticator being set up (unconfirmed), made now if there is none."""
    device = TOTPDevice.objects.filter(user_id=user.pk, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The key in the base32 an authenticator app takes typed in, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def totp_qr_svg(device: TOTPDevice, *, account: str) -> str:
    """The ``otpauth://`` address as an inline SVG QR code (no script, no network)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(scale=4, title=f"QR code to add {account} to an authenticator app")


@transaction.atomic
def totp_confirm(*, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator with a code it shows, and give the person their recovery
    codes (returned, to be shown once). A wrong code is refused, writing nothing."""
    if not device.verify_token(_clean(code)):
        raise ValidationError(
            "That code is not the one the app shows. Check the time on your phone and try the "
            "newest code.",
            code="wrong_code",
        )
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return recovery_codes_renew(user=device.user)


@transaction.atomic
def recovery_codes_renew(*, user: AbstractBaseUser) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user_id=user.pk).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def second_factor_remove(*, user: AbstractBaseUser) -> None:
    """Turn the second factor off: refused while the account must have one."""
    if second_factor_required(user):
        raise ValidationError(
            "Your account must use a second factor: it cannot be turned off.", code="required"
        )
    TOTPDevice.objects.filter(user_id=user.pk).delete()
    StaticDevice.objects.filter(user_id=user.pk).delete()


def second_factor_reset(*, user: AbstractBaseUser) -> None:
    """The administrator's remedy for a lost phone: every device gone; a person who must have
    a second factor sets one up again at their next sign-in."""
    TOTPDevice.objects.filter(user_id=user.pk).delete()
    StaticDevice.objects.filter(user_id=user.pk).delete()


def code_matches(user: AbstractBaseUser, code: str) -> Device | None:
    """The confirmed device (authenticator or recovery codes) that accepts ``code``; a
    recovery code is used up."""
    return django_otp.match_token(user, _clean(code))


def _clean(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()
