; Inno Setup script: a Windows installer around the one-folder bundle that
; scripts/build_bundle.sh made (dist\keras-playground). Per user, no administrator rights:
; a Start menu entry, and .kpg projects open in Keras Playground on double-click.
;   iscc packaging\windows\keras-playground.iss      (Inno Setup 6, https://jrsoftware.org)
; writes dist\KerasPlayground-setup.exe.
#define AppVersion "0.1.0"

[Setup]
AppId={{6B0E3C52-2E7A-4C1B-9D59-4B1F1C7A2B10}
AppName=Keras Playground
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\Keras Playground
DefaultGroupName=Keras Playground
PrivilegesRequired=lowest
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=KerasPlayground-setup
SetupIconFile=..\..\playground\resources\icons\keras-playground.ico
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\..\dist\keras-playground\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Keras Playground"; Filename: "{app}\keras-playground.exe"
Name: "{autodesktop}\Keras Playground"; Filename: "{app}\keras-playground.exe"; Tasks: desktopicon

[Tasks]
Name: desktopicon; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; .kpg -> KerasPlayground.Project, opened by the app (HKCU: this user only)
Root: HKCU; Subkey: "Software\Classes\.kpg"; ValueType: string; ValueData: "KerasPlayground.Project"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.kpg"; ValueName: "Content Type"; ValueType: string; ValueData: "application/x-keras-playground"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\KerasPlayground.Project"; ValueType: string; ValueData: "Keras Playground project"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\KerasPlayground.Project\DefaultIcon"; ValueType: string; ValueData: "{app}\keras-playground.exe,0"
Root: HKCU; Subkey: "Software\Classes\KerasPlayground.Project\shell\open\command"; ValueType: string; ValueData: """{app}\keras-playground.exe"" ""%1"""

[Run]
Filename: "{app}\keras-playground.exe"; Description: "Start Keras Playground"; Flags: nowait postinstall skipifsilent
