; Inno Setup script for Kaiji Desk on Windows — UNTESTED (see README.md in this folder).
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1E3A52-7D0B-4F59-9D0C-2B7C8E0A4D11}
AppName=Kaiji Desk (開示デスク)
AppVersion={#AppVersion}
AppPublisher=Kaiji Desk
DefaultDirName={autopf}\Kaiji Desk
DefaultGroupName=開示デスク
OutputBaseFilename=kaiji-desk-{#AppVersion}-windows-x64-setup
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\kaiji-desk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\開示デスク"; Filename: "{app}\kaiji.exe"
Name: "{group}\{cm:UninstallProgram,開示デスク}"; Filename: "{uninstallexe}"
