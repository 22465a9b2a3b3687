"""The app as a desktop program: its menu entry, icon and file type (:mod:`.integration`,
:mod:`.linux`), and the checks made before Qt starts (:mod:`.startup`). No Qt here."""
