; Inno Setup script: a Windows installer for the one-folder build.
; Build the folder on Windows first (see packaging/README.md), then compile this script with
; Inno Setup 6: iscc packaging\reviewtool.iss  ->  dist\reviewtool-setup.exe

#define AppName "reviewtool"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1C2A55-1D7E-4B7A-9A43-52C0B1F0D001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=reviewtool
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
; Per-user install by default: partnership laptops often have no administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=reviewtool-setup
SetupIconFile=reviewtool.ico
UninstallDisplayIcon={app}\reviewtool.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\dist\reviewtool\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\reviewtool.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\reviewtool.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[UninstallDelete]
; The user's data (database, backups) lives in %LOCALAPPDATA%\reviewtool and is kept.
