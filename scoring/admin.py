from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from scoring import matrix
from scoring.models import ImpactDescriptor, ImpactDimension, LikelihoodLevel, Scheme, SchemeBand


class SchemeBandFormSet(BaseInlineFormSet):
    """The bands must cover 1..25 in rising order, whatever order they are entered in."""

    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if any(not {"key", "floor"} <= data.keys() for data in kept):
            return  # the field errors already say what to fix
        bands = sorted(kept, key=lambda data: data["floor"])
        try:
            matrix.validate_bands(
                [matrix.Band(data["key"], "", data["floor"], "#000000", True) for data in bands]
            )
        except ValueError as error:
            raise ValidationError(f"The bands are not a usable scheme: {error}.") from error


class SchemeBandInline(admin.TabularInline):
    model = SchemeBand
    formset = SchemeBandFormSet
    extra = 0


class LikelihoodLevelInline(admin.TabularInline):
    model = LikelihoodLevel
    extra = 0


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default"]
    list_filter = ["is_default"]
    search_fields = ["name", "description"]
    inlines = [SchemeBandInline, LikelihoodLevelInline]


class ImpactDescriptorInline(admin.TabularInline):
    model = ImpactDescriptor
    extra = 0


@admin.register(ImpactDimension)
class ImpactDimensionAdmin(admin.ModelAdmin):
    list_display = ["name", "scheme", "position"]
    list_filter = ["scheme"]
    search_fields = ["name", "descriptors__text"]
    inlines = [ImpactDescriptorInline]


@admin.register(SchemeBand)
class SchemeBandAdmin(admin.ModelAdmin):
    list_display = ["label", "scheme", "key", "floor", "colour", "within_appetite"]
    list_filter = ["scheme", "within_appetite"]
    search_fields = ["label", "key"]


@admin.register(LikelihoodLevel)
class LikelihoodLevelAdmin(admin.ModelAdmin):
    list_display = ["value", "label", "description", "scheme"]
    list_filter = ["scheme"]
    search_fields = ["label", "description"]


@admin.register(ImpactDescriptor)
class ImpactDescriptorAdmin(admin.ModelAdmin):
    list_display = ["dimension", "value", "text"]
    list_filter = ["dimension__scheme", "dimension", "value"]
    search_fields = ["text"]
