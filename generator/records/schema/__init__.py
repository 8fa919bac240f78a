"""The records of the data files: one source for validation, field documentation and JSON Schema."""

from generator.records.schema.agreement import (
    AGREEMENT_STATUSES,
    TIMELINE_STATES,
    AgreementFile,
    AgreementVersion,
    Clause,
    TimelineStep,
)
from generator.records.schema.base import Consent, Person, Record
from generator.records.schema.directory import NetworksFile, PartnersFile
from generator.records.schema.legal import Authority, Host, LegalFile, Operator, Responsible
from generator.records.schema.networks import (
    AgreementSignature,
    Ambassador,
    Location,
    Network,
    NetworkContact,
)
from generator.records.schema.partners import Liaison, Partner, RegionalContact
from generator.records.schema.process import OfficeContact, ProcessFile, Role, Step
from generator.records.schema.requests import REQUEST_STATUSES, Request, RequestsFile
from generator.records.schema.vocabulary import NETWORK_STATUSES, PARTNER_KINDS, SCOPES, STATES

# Data file name → its record type; validation, field reference and JSON Schemas follow it.
DATA_FILES: dict[str, type[Record]] = {
    "partners.yaml": PartnersFile,
    "networks.yaml": NetworksFile,
    "process.yaml": ProcessFile,
    "agreement.yaml": AgreementFile,
    "requests.yaml": RequestsFile,
    "legal.yaml": LegalFile,
}

__all__ = [
    "AGREEMENT_STATUSES",
    "DATA_FILES",
    "NETWORK_STATUSES",
    "PARTNER_KINDS",
    "REQUEST_STATUSES",
    "SCOPES",
    "STATES",
    "TIMELINE_STATES",
    "AgreementFile",
    "AgreementSignature",
    "AgreementVersion",
    "Ambassador",
    "Authority",
    "Clause",
    "Consent",
    "Host",
    "LegalFile",
    "Liaison",
    "Location",
    "Network",
    "NetworkContact",
    "NetworksFile",
    "OfficeContact",
    "Operator",
    "Partner",
    "PartnersFile",
    "Person",
    "ProcessFile",
    "Record",
    "RegionalContact",
    "Request",
    "RequestsFile",
    "Responsible",
    "Role",
    "Step",
    "TimelineStep",
]
