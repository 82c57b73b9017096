"""Accept every tracked change of a .docx in LibreOffice itself, and save it as .docx again.

Run by Debian's python3 with its python3-uno bridge (not the project's interpreter), as a reviewer's
LibreOffice would: `python3 tests/lo_accept.py IN.docx OUT.docx PROFILE_DIR`. LibreOffice runs
headless with the throwaway profile given, listening on a private pipe, and is ended afterwards.
"""

import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def _property(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def main(source, target, profile):
    pipe = "briefwright_accept_%d" % os.getpid()
    installation = "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile))
    # A new profile makes LibreOffice restart itself once, which would cut the bridge: make it first.
    subprocess.run(["soffice", installation, "--headless", "--terminate_after_init"], check=True, timeout=180,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    office = subprocess.Popen(["soffice", installation, "--headless",
                               "--invisible", "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:  # not listening yet
                time.sleep(0.25)
        if context is None:
            raise SystemExit("LibreOffice did not start")
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0,
                                                (_property("Hidden", True),))
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        dispatcher.executeDispatch(document.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0,
                                   ())
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                            (_property("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes down with the office
            pass
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:4])
