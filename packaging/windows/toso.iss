; Inno Setup 6 script of Tổ Số for Windows: a per-user install that needs no administrator.
;
; Needs Inno Setup 6.3 or later. Saved as UTF-8 with a BOM, which is how Inno Setup knows it is UTF-8.
;
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=..\..\build\bundle\toso packaging\windows\toso.iss
;   (packaging\build.ps1 runs this after PyInstaller; the setup lands in dist\)
;
; Where things go:
;   the app       %LOCALAPPDATA%\Programs\ToSo                 (replaced as a whole on every upgrade)
;   the data      %LOCALAPPDATA%\ToSo                          (platformdirs.user_data_dir("ToSo"), see desktop/paths.py)
;   the settings  HKEY_CURRENT_USER\Software\ToSo              (QSettings: language, window sizes)
; The installer and the uninstaller never touch the data folder or the settings: the uninstaller removes only
; what the installer put in {app}, and no [UninstallDelete]/[InstallDelete] entry names anything outside {app}.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (build.ps1 reads it from the package metadata)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\bundle\toso"
#endif
#define AppName "Tổ Số"
#define AppExe "toso.exe"

[Setup]
; The AppId ties every version together: an upgrade installs over the previous one. Never change it.
AppId={{08000AB6-20A9-49F7-A55D-224A0270D055}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tổ Số
AppComments=Quản lý Tổ công nghệ số cộng đồng cấp xã
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: commune officials rarely have administrator rights on their laptops.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ToSo
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\..\resources\icons\toso.ico
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=toso-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running Tổ Số is asked to close (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
; Works offline: nothing is downloaded during setup.

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships Vietnamese only as an unofficial translation. Put Vietnamese.isl (from the Inno Setup
; website, "Unofficial translations") beside this script and the installer speaks Vietnamese too.
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define HaveVietnamese
Name: "vi"; MessagesFile: "Vietnamese.isl"
#endif

[CustomMessages]
en.DesktopIcon=Create a desktop shortcut
en.OpenApp=Open Tổ Số now
en.DataKept=Your commune's data in %1 is kept.
#ifdef HaveVietnamese
vi.DesktopIcon=Tạo lối tắt trên màn hình nền
vi.OpenApp=Mở Tổ Số ngay
vi.DataKept=Dữ liệu của xã trong %1 vẫn được giữ nguyên.
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous bundle as a whole, so no file of an older version lingers beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Quản lý Tổ công nghệ số cộng đồng cấp xã"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:OpenApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only files the app itself may have written into its own folder (Python caches); never the data folder.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { Say plainly that the data stays, so nobody deletes it by hand "to finish uninstalling". }
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\ToSo')]), mbInformation, MB_OK);
end;
