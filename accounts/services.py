"""The second factor: an authenticator app (TOTP, django-otp) with ten single-use recovery
codes; who must have one; checking a code (docs/domain.md#second-factor)."""

from __future__ import annotations

import base64

import django_otp
import segno
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ProviderGroupMapping, ProviderIdentity, SecondFactorRequirement
from registers import roles
from registers.models import Profile

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


# --- Signing in through the organisation's identity provider ---


@transaction.atomic
def provider_sign_in(*, issuer: str, claims: dict, email_verified_claim: str) -> AbstractBaseUser:
    """The account of the person the provider vouches for (docs/domain.md#organisation-sign-in).

    Found by its link to the provider's subject; at the first sign-in, linked to the one
    account with the same email address when the provider says it verified the address, or
    made. Refused, writing nothing, when the address is not verified at a first sign-in, or
    when more than one account has it."""
    identity = (
        ProviderIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=issuer, subject=claims["sub"])
        .first()
    )
    if identity is None:
        identity = ProviderIdentity(issuer=issuer, subject=claims["sub"])
        identity.user = _account_for_first_sign_in(claims, email_verified_claim)
    user = identity.user
    _names_update(user, claims)
    identity.last_sign_in = timezone.now()
    identity.save()
    return user


def _account_for_first_sign_in(claims: dict, email_verified_claim: str) -> AbstractBaseUser:
    email = (claims.get("email") or "").strip()
    if not email or claims.get(email_verified_claim) is not True:
        raise ValidationError(
            "Your organisation account's email address is not verified, so it cannot be "
            "matched to an account here. Ask IT to verify it.",
            code="email_not_verified",
        )
    user_model = get_user_model()
    matches = list(user_model.objects.filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise ValidationError(
            "More than one account here has your email address. Ask the risk registers' "
            "administrator to merge them.",
            code="email_ambiguous",
        )
    if matches:
        return matches[0]
    username = email.lower()
    if user_model.objects.filter(username__iexact=username).exists():
        username = f"{username}.{claims['sub'][:20]}"
    user = user_model(username=username, email=email)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def _names_update(user: AbstractBaseUser, claims: dict) -> None:
    first = claims.get("given_name") or user.first_name
    last = claims.get("family_name") or user.last_name
    if (first, last) != (user.first_name, user.last_name):
        user.first_name, user.last_name = first[:150], last[:150]
        user.save(update_fields=["first_name", "last_name"])


@transaction.atomic
def provider_roles_apply(*, user: AbstractBaseUser, groups: list[str]) -> bool:
    """Give ``user`` exactly the roles their provider groups map to (roles not in the
    policy's list, given by hand, stay) and the place of their most specific mapping.
    Returns whether any of the groups is mapped."""
    mappings = list(ProviderGroupMapping.objects.filter(group__in=groups).select_related("role"))
    wanted = {mapping.role for mapping in mappings if mapping.role is not None}
    held = set(user.groups.filter(name__in=roles.ALL))
    user.groups.remove(*(held - wanted))
    user.groups.add(*(wanted - held))
    if not mappings:
        return False
    place = max(mappings, key=lambda mapping: mapping.specificity)
    Profile.objects.update_or_create(
        user=user,
        defaults={
            "organisation_id": place.organisation_id,
            "directorate_id": place.directorate_id,
            "service_id": place.service_id,
        },
    )
    return True
