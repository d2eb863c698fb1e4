"""The scoring scheme as data: bands (the risk appetite) and the Table 1 and 2 descriptors."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from scoring import matrix

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
SENIORITY_CHOICES = [(level.value, level.label) for level in matrix.Seniority]


class Scheme(models.Model):
    """A scoring scheme: the bands SLT sets as the risk appetite, and the scale descriptors."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    is_default = models.BooleanField(
        default=False, help_text="Used for organisations created without a scheme of their own."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="scheme_one_default",
                violation_error_message="Only one scheme can be the default.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def as_bands(self) -> tuple[matrix.Band, ...]:
        """The scheme's bands as pure matrix bands (uses prefetched ``bands`` when present)."""
        return tuple(band.as_matrix_band() for band in self.bands.all())


class SchemeBand(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="bands")
    key = models.SlugField(max_length=20, help_text='Stable identifier, e.g. "red".')
    label = models.CharField(max_length=40, help_text='Shown everywhere, e.g. "Red".')
    floor = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(matrix.MAX_SCORE)],
        help_text="Lowest score in the band; the band runs up to the next band's floor.",
    )
    colour = models.CharField(
        max_length=7,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour as #rrggbb.")],
    )
    within_appetite = models.BooleanField(default=True)
    owner_seniority = models.PositiveSmallIntegerField(
        choices=SENIORITY_CHOICES,
        default=matrix.Seniority.OFFICER,
        help_text="The least senior owner the policy expects for a risk in this band.",
    )
    owner_guidance = models.TextField(blank=True)

    class Meta:
        ordering = ["scheme", "floor"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "key"], name="band_key_unique"),
            models.UniqueConstraint(fields=["scheme", "floor"], name="band_floor_unique"),
            models.CheckConstraint(
                condition=Q(floor__gte=1, floor__lte=matrix.MAX_SCORE), name="band_floor_1_25"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} (from {self.floor})"

    def as_matrix_band(self) -> matrix.Band:
        return matrix.Band(
            key=self.key,
            label=self.label,
            floor=self.floor,
            colour=self.colour.lower(),
            within_appetite=self.within_appetite,
            owner_seniority=matrix.Seniority(self.owner_seniority),
            owner_guidance=self.owner_guidance,
        )


class LikelihoodLevel(models.Model):
    """A row of Table 1: what a likelihood score means."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="likelihood_levels")
    value = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    label = models.CharField(max_length=60)
    description = models.CharField(max_length=200)

    class Meta:
        ordering = ["scheme", "-value"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "value"], name="likelihood_level_unique"),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=5), name="likelihood_level_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value}: {self.label}"


class ImpactDimension(models.Model):
    """A column of Table 2 (service capability, injury, publicity, ...)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="impact_dimensions")
    name = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["scheme", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "name"], name="impact_dimension_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ImpactDescriptor(models.Model):
    """A cell of Table 2: what an impact score means on one dimension."""

    dimension = models.ForeignKey(
        ImpactDimension, on_delete=models.CASCADE, related_name="descriptors"
    )
    value = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["dimension", "-value"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "value"], name="impact_descriptor_unique"),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=5), name="impact_descriptor_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension} {self.value}: {self.text}"
