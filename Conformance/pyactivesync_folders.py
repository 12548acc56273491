"""pyactivesync (PyPI) against a real `almanac serve`: provision, list the folders, create,
rename and delete a folder, Settings Oof get and set, over Exchange ActiveSync 16.1.

pyactivesync builds https:// URLs; the runner points its transport at the loopback
http:// server. Its FolderType names are one off from MS-ASCMD 2.2.3.186.3 from 12 on
(it calls 13 USER_MAIL), so the runner uses the numbers: 13 is a user-created calendar.
"""

import sys

from pyactivesync import Client, OofState

from almanac_server import AlmanacServer

STANDARD = {2: "Inbox", 3: "Drafts", 4: "Deleted Items", 5: "Sent Items", 6: "Outbox", 7: "Tasks",
            8: "Calendar", 9: "Contacts", 10: "Notes"}


def main():
    passed = failed = 0
    results = []

    def check(name, condition, detail=""):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
        results.append(f"  {'ok  ' if condition else 'FAIL'} {name}{'' if condition else ': ' + detail}")

    with AlmanacServer() as server:
        host = server.base.removeprefix("http://")
        with Client(host, server.user, server.password, device_id="almanacconformance1", verify_ssl=False) as client:
            client._transport.base_url = server.base + "/Microsoft-Server-ActiveSync"
            key = client.provision()
            check("provision gives a final policy key", key.isdigit() and key != "0", key)

            folders = client.list_folders()
            types = {int(f.type): f.name for f in folders}
            check("FolderSync lists the 10 standard folders", len(folders) == 10, str(types))
            check("default folder types", all(types.get(t) == n for t, n in STANDARD.items()), str(types))

            created = client.create_folder("Conformance calendar", type=13)
            listed = {f.id: f for f in client.list_folders()}
            check("FolderCreate, then FolderSync lists it",
                  created.id in listed and int(listed[created.id].type) == 13, str(listed.get(created.id)))

            client.update_folder(created.id, "Renamed calendar")
            listed = {f.id: f for f in client.list_folders()}
            check("FolderUpdate renames it", listed.get(created.id) and listed[created.id].name == "Renamed calendar",
                  str(listed.get(created.id)))

            client.delete_folder(created.id)
            listed = {f.id: f for f in client.list_folders()}
            check("FolderDelete removes it", created.id not in listed and len(listed) == 10, str(list(listed)))

            before = client.get_oof()
            check("Settings Oof get (disabled at first)", int(before.state) == 0, str(before))
            client.set_oof(OofState.ENABLED_SCHEDULED, start_time="2026-12-20T08:00:00.000Z",
                           end_time="2027-01-04T08:00:00.000Z", reply_message="Back in January")
            after = client.get_oof()
            check("Settings Oof set, then get", int(after.state) == 2
                  and after.start_time == "2026-12-20T08:00:00.000Z"
                  and len(after.messages) == 3
                  and all(m.reply_message == "Back in January" and m.enabled for m in after.messages), str(after))

    print("\n".join(results))
    print(f"pyactivesync: {passed} passed, {failed} failed "
          f"(Provision, FolderSync of {len(folders)} folders, FolderCreate/Update/Delete, Settings Oof get/set)")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
