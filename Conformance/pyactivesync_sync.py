"""Exchange ActiveSync Sync against a real `almanac serve`, one store with CalDAV/CardDAV.

Contacts go through pyactivesync (PyPI): Sync of the folder, an Add with
`create_contact`, a Change with `apply_contact_changes`, both read back over
CardDAV (a new ETag each time); a card deleted over CardDAV is a Delete in the
next EAS Sync. pyactivesync has no Calendar, Tasks or Notes code page, so those
requests are written as XML, encoded with Almanac's codec (`almanac wbxml
encode`), and each body is checked against libwbxml's `wbxml2xml` before it is
sent through pyactivesync's transport; answers are decoded the same way. An
event PUT over CalDAV is read through EAS; one deleted through EAS is gone
over CalDAV. Tasks and notes added over EAS are read back over CalDAV.
"""

import dataclasses
import re
import sys
import uuid
import xml.etree.ElementTree as ET

import requests
from pyactivesync import Client, Contact, ContactChange

from almanac_server import AlmanacServer
from wbxml_crosscheck import almanac, from_xml, libwbxml_decode, normalize

DAV = "{DAV:}"
AS = "{AirSync:}"


class EAS:
    """Sync requests of any class through pyactivesync's transport, encoded by Almanac."""

    def __init__(self, client):
        self.client = client
        self.checked = 0

    def post(self, command, xml):
        body = almanac("encode", xml.encode("utf-8"))
        # The bytes Almanac wrote read back the same through libwbxml.
        ours = normalize(from_xml(xml))
        theirs = normalize(from_xml(libwbxml_decode(body).decode("utf-8"), peer="libwbxml"))
        if ours != theirs:
            raise AssertionError(f"libwbxml reads the {command} request otherwise:\n{ours}\n{theirs}")
        self.checked += 1
        answer = self.client._post(command, body)
        return ET.fromstring(almanac("decode", answer).decode("utf-8")) if answer else None

    def sync(self, folder, key, commands="", options=""):
        xml = (f'<Sync xmlns="AirSync:"><Collections><Collection><SyncKey>{key}</SyncKey>'
               f"<CollectionId>{folder}</CollectionId>"
               + ("<DeletesAsMoves>0</DeletesAsMoves><GetChanges>1</GetChanges>" if key != "0" else "")
               + "<WindowSize>100</WindowSize>"
               + (f"<Options>{options}</Options>" if options else "")
               + (f"<Commands>{commands}</Commands>" if commands else "")
               + "</Collection></Collections></Sync>")
        root = self.post("Sync", xml)
        collection = root.find(f"{AS}Collections/{AS}Collection")
        return collection

    def until_current(self, folder):
        """SyncKey 0, then every change: the key and the items by ServerId."""
        key = self.sync(folder, "0").findtext(f"{AS}SyncKey")
        items = {}
        while True:
            collection = self.sync(folder, key)
            key = collection.findtext(f"{AS}SyncKey")
            for add in collection.iterfind(f"{AS}Commands/{AS}Add"):
                items[add.findtext(f"{AS}ServerId")] = add.find(f"{AS}ApplicationData")
            if collection.find(f"{AS}MoreAvailable") is None:
                return key, items


def fields(application_data, namespace):
    return {child.tag.split("}")[1]: child.text for child in application_data
            if child.tag.startswith("{" + namespace + ":}")}


def main():
    passed = failed = 0
    results = []

    def check(name, condition, detail=""):
        nonlocal passed, failed
        passed, failed = (passed + 1, failed) if condition else (passed, failed + 1)
        results.append(f"  {'ok  ' if condition else 'FAIL'} {name}{'' if condition else ': ' + str(detail)}")
        return condition

    with AlmanacServer() as server:
        dav = requests.Session()
        dav.auth = (server.user, server.password)
        books = f"{server.base}/dav/addressbooks/{server.user}/contacts/"
        calendars = f"{server.base}/dav/calendars/{server.user}/"

        def dav_items(collection):
            """name → (etag, body) of every resource in a collection."""
            answer = dav.request("PROPFIND", collection, headers={"Depth": "1"},
                                 data='<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>')
            items = {}
            for response in ET.fromstring(answer.content).iterfind(f"{DAV}response"):
                href = response.findtext(f"{DAV}href")
                if href.endswith("/"):
                    continue
                got = dav.get(server.base + href)
                items[href.rsplit("/", 1)[1]] = (got.headers.get("ETag"), got.text)
            return items

        with Client(server.base.removeprefix("http://"), server.user, server.password,
                    device_id="almanacsync1", verify_ssl=False) as client:
            client._transport.base_url = server.base + "/Microsoft-Server-ActiveSync"
            client.provision()
            folders = {int(f.type): f.id for f in client.list_folders()}
            eas = EAS(client)

            # Contacts through pyactivesync ----------------------------------------------------
            contacts = folders[9]
            first = client.sync_folder(contacts, "0")
            synced = client.sync_folder(contacts, first.sync_key)
            check("Contacts: SyncKey 0, then an empty first Sync", not synced.added, synced)
            ada = Contact(first_name="Ada", last_name="Lovelace", email1_address="ada@example.test",
                          mobile_phone_number="+44 20 7946 0001", company_name="Analytical Engines")
            added = client.create_contact(contacts, synced.sync_key, ada)
            check("Contacts: Sync Add answers a ServerId", added.status == "1" and added.server_id, added)
            cards = dav_items(books)
            card = next(((name, etag, text) for name, (etag, text) in cards.items() if "Lovelace" in text), None)
            check("Contacts: the EAS Add is a card over CardDAV",
                  card and "ada@example.test" in card[2] and card[0].endswith(".vcf")
                  and re.search(r"^TEL.*:\+44 20 7946 0001", card[2], re.M), cards)

            ada = dataclasses.replace(ada, job_title="Programmer")
            changed = client.apply_contact_changes(contacts, added.sync_key,
                                                   [ContactChange(server_id=added.server_id, contact=ada)])
            check("Contacts: Sync Change", changed.statuses.get(added.server_id) == "1", changed)
            etag, text = dav_items(books).get(card[0] if card else "", (None, ""))
            check("Contacts: the EAS Change is read over CardDAV with a new ETag",
                  card and etag != card[1] and "TITLE:Programmer" in text and "Lovelace" in text, text)

            grace = f"grace-{uuid.uuid4().hex[:8]}"
            put = dav.put(books + f"{grace}.vcf", headers={"Content-Type": "text/vcard", "If-None-Match": "*"},
                          data=f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{grace}\r\nFN:Grace Hopper\r\n"
                               f"N:Hopper;Grace;;;\r\nEMAIL:grace@example.test\r\nEND:VCARD\r\n")
            after = client.sync_folder(contacts, changed.sync_key)
            hopper = [item for item in after.added if item.fields.get("Contacts.LastName") == "Hopper"
                      or "Hopper" in str(item.fields)]
            check("Contacts: a CardDAV PUT is an Add in the next EAS Sync", put.status_code == 201 and hopper,
                  (put.status_code, after))
            dav.delete(books + f"{grace}.vcf")
            gone = client.sync_folder(contacts, after.sync_key)
            check("Contacts: a CardDAV DELETE is a Delete in the next EAS Sync",
                  hopper and gone.deleted == [hopper[0].server_id], gone)

            # Calendar with Almanac's codec ----------------------------------------------------
            calendar = folders[8]
            key, items = eas.until_current(calendar)
            event = f"conformance-{uuid.uuid4().hex[:8]}"
            put = dav.put(calendars + f"calendar/{event}.ics",
                          headers={"Content-Type": "text/calendar", "If-None-Match": "*"},
                          data=f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//conformance//EN\r\nBEGIN:VEVENT\r\n"
                               f"UID:{event}\r\nDTSTAMP:20261120T100000Z\r\nDTSTART;TZID=Europe/Berlin:20261124T100000\r\n"
                               f"DTEND;TZID=Europe/Berlin:20261124T110000\r\nSUMMARY:Design review\r\n"
                               f"LOCATION:Room 4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
            collection = eas.sync(calendar, key)
            key = collection.findtext(f"{AS}SyncKey")
            adds = {a.findtext(f"{AS}ServerId"): a.find(f"{AS}ApplicationData")
                    for a in collection.iterfind(f"{AS}Commands/{AS}Add")}
            review = next((sid for sid, data in adds.items()
                           if fields(data, "Calendar").get("Subject") == "Design review"), None)
            check("Calendar: a CalDAV PUT is an Add in the next EAS Sync",
                  put.status_code == 201 and review
                  and fields(adds[review], "Calendar").get("StartTime") == "20261124T090000Z", adds)

            collection = eas.sync(calendar, key, commands=f"<Delete><ServerId>{review}</ServerId></Delete>")
            key = collection.findtext(f"{AS}SyncKey") or key
            check("Calendar: an EAS Delete removes the event over CalDAV",
                  collection.findtext(f"{AS}Status") == "1"
                  and dav.get(calendars + f"calendar/{event}.ics").status_code == 404, ET.tostring(collection))

            client_id = uuid.uuid4().hex[:16]
            add = (f"<Add><ClientId>{client_id}</ClientId><ApplicationData>"
                   '<Subject xmlns="Calendar:">Planning</Subject><StartTime xmlns="Calendar:">20261125T130000Z</StartTime>'
                   '<EndTime xmlns="Calendar:">20261125T140000Z</EndTime><AllDayEvent xmlns="Calendar:">0</AllDayEvent>'
                   '<BusyStatus xmlns="Calendar:">2</BusyStatus><Sensitivity xmlns="Calendar:">0</Sensitivity>'
                   "</ApplicationData></Add>")
            collection = eas.sync(calendar, key, commands=add)
            response = collection.find(f"{AS}Responses/{AS}Add")
            check("Calendar: an EAS Add answers a ServerId",
                  response is not None and response.findtext(f"{AS}Status") == "1"
                  and response.findtext(f"{AS}ServerId"), ET.tostring(collection))
            events = dav_items(calendars + "calendar/")
            check("Calendar: the EAS Add is an event over CalDAV",
                  any("SUMMARY:Planning" in text and "DTSTART:20261125T130000Z" in text for _, text in events.values()),
                  events)

            # Tasks and notes with Almanac's codec ---------------------------------------------
            for kind, folder, namespace, dav_name, extra in [
                ("Tasks", folders[7], "Tasks", "tasks", '<Complete xmlns="Tasks:">0</Complete>'),
                ("Notes", folders[10], "Notes", "notes", ""),
            ]:
                key, items = eas.until_current(folder)
                subject = f"{kind} from EAS {uuid.uuid4().hex[:6]}"
                add = (f"<Add><ClientId>{uuid.uuid4().hex[:16]}</ClientId><ApplicationData>"
                       f'<Subject xmlns="{namespace}:">{subject}</Subject>{extra}</ApplicationData></Add>')
                collection = eas.sync(folder, key, commands=add)
                status = collection.find(f"{AS}Responses/{AS}Add/{AS}Status")
                stored = dav_items(calendars + dav_name + "/")
                check(f"{kind}: an EAS Add is read back over CalDAV",
                      status is not None and status.text == "1"
                      and any(f"SUMMARY:{subject}" in text for _, text in stored.values()),
                      (ET.tostring(collection), stored))

    print("\n".join(results))
    print(f"pyactivesync sync: {passed} passed, {failed} failed "
          f"(Contacts via pyactivesync; Calendar, Tasks, Notes via Almanac's codec, {eas.checked} bodies "
          "checked with wbxml2xml; every change read back over CalDAV/CardDAV)")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
