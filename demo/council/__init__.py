"""The demo council's content, one module per directorate, readable as data.

Every description is framed as event, consequence and impact; scores are (likelihood, impact)
on the 1-5 scales of the council's policy; each risk carries its controls in place and the
actions being put in place. Dates are offsets in days from the day the demo is loaded
(negative = in the past, so overdue).
"""

from demo.council import (
    adults_housing,
    children_education,
    city_services,
    finance_resources,
    law_governance,
    regeneration_economy,
)
from demo.council.corporate import CORPORATE_RISKS
from demo.types import DirectorateSeed

DIRECTORATES: tuple[DirectorateSeed, ...] = (
    adults_housing.DIRECTORATE,
    children_education.DIRECTORATE,
    city_services.DIRECTORATE,
    finance_resources.DIRECTORATE,
    regeneration_economy.DIRECTORATE,
    law_governance.DIRECTORATE,
)

__all__ = ["CORPORATE_RISKS", "DIRECTORATES"]
