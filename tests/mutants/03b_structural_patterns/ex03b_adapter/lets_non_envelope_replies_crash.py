# Assumes every reply is a SOAP envelope: a plain-text or HTML error page crashes the adapter with
# ParseError or AttributeError instead of raising ServiceUnavailable.
import xml.etree.ElementTree as ET

_FIELD_TYPES = {"full_name": str, "email": str, "is_vip": bool, "credit_limit_cents": int}
_ERRORS_BY_CODE = {"CUST-404": CustomerNotFound, "CUST-400": InvalidCustomer,
                   "CUST-409": InvalidCustomer}


def cents_to_text(cents: int) -> str:
    """150000 -> '1500.00': integer arithmetic, so no cent is ever lost."""
    units, cents = divmod(cents, 100)
    return f"{units}.{cents:02d}"


def text_to_cents(text: str) -> int:
    """'1500.00' -> 150000."""
    units, _, cents = text.partition(".")
    return int(units) * 100 + int(cents.ljust(2, "0"))


def legacy_fields(data: dict) -> dict[str, str]:
    """The CRM's elements for a new customer; InvalidCustomer before anything is sent."""
    for name, kind in _FIELD_TYPES.items():
        if name not in data:
            raise InvalidCustomer(f"missing field: {name}")
        if type(data[name]) is not kind:
            raise InvalidCustomer(f"{name} must be a {kind.__name__}")
    if data["credit_limit_cents"] < 0:
        raise InvalidCustomer("credit_limit_cents must not be negative")
    return {"Name": data["full_name"], "EMail": data["email"],
            "VipFlag": "Y" if data["is_vip"] else "N",
            "CreditLimit": cents_to_text(data["credit_limit_cents"])}


def error_for(fault: ET.Element) -> CustomerApiError:
    message = fault.findtext("faultstring") or "the CRM refused the request"
    if fault.findtext("faultcode") == "soap:Server":
        return ServiceUnavailable(message)
    return _ERRORS_BY_CODE.get(fault.findtext("detail/ErrorCode"), CustomerApiError)(message)


class SoapCustomerAdapter(CustomerApi):
    """The legacy CRM seen as a CustomerApi: XML and faults in, dicts and exceptions out."""

    def __init__(self, service: LegacyCrmService) -> None:
        self._service = service

    def get_customer(self, customer_id: str) -> dict:
        request = ET.Element("GetCustomer")
        ET.SubElement(request, "CustNo").text = customer_id
        return self._customer(self._call(request))

    def create_customer(self, data: dict) -> dict:
        fields = legacy_fields(data)
        request = ET.Element("CreateCustomer")
        customer = ET.SubElement(request, "Customer")
        for tag, text in fields.items():
            ET.SubElement(customer, tag).text = text  # ElementTree escapes & and <
        return self._customer(self._call(request))

    def _call(self, operation: ET.Element) -> ET.Element:
        envelope = ET.Element("Envelope")
        ET.SubElement(envelope, "Body").append(operation)
        reply = self._service.call(ET.tostring(envelope, encoding="unicode"))
        body = ET.fromstring(reply).find("Body")
        if body[0].tag == "Fault":
            raise error_for(body[0])
        return body[0]

    @staticmethod
    def _customer(response: ET.Element) -> dict:
        customer = response.find("Customer")
        if customer is None:
            raise ServiceUnavailable("the CRM's reply has no customer in it")
        return {"id": customer.findtext("CustNo", ""),
                "full_name": customer.findtext("Name", ""),
                "email": customer.findtext("EMail", ""),
                "is_vip": customer.findtext("VipFlag") == "Y",
                "credit_limit_cents": text_to_cents(customer.findtext("CreditLimit", "0"))}
