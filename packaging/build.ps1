# Build the Windows installer of Tổ Số.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
#
# Needs: 64-bit Python 3.11+ (python.org installer; `py -3.11` or `python` on PATH) and Inno Setup 6.3+
# (ISCC.exe on PATH or in its default folder). Steps, like packaging/build.sh:
#   1. build\venv with the app and the `package` extra (PyInstaller);
#   2. PyInstaller with packaging\toso.spec -> build\bundle\toso (toso.exe for the window, toso-cli.exe for the
#      command line: a window-only exe has no console to print to);
#   3. the bundle's own `toso-cli.exe --self-check` (offscreen) — a failure stops the build;
#   4. Inno Setup with packaging\windows\toso.iss -> dist\toso-<version>-windows-x64-setup.exe,
#      and a portable dist\toso-<version>-windows-x64.zip of the same folder.
# Not run by CI (CI is Linux); run it on a Windows 10/11 machine. Saved as UTF-8 with a BOM so that Windows
# PowerShell 5.1 reads the Vietnamese text right.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
$Build = Join-Path $Root 'build'
$Venv = Join-Path $Build 'venv'
$VenvPython = Join-Path $Venv 'Scripts\python.exe'
$Bundle = Join-Path $Build 'bundle\toso'
$Dist = Join-Path $Root 'dist'
$MaxBundleMB = 150
$Started = Get-Date

function Step([string]$Text) { Write-Host "==> $Text" }
function Fail([string]$Text) { Write-Error "build.ps1: lỗi: $Text"; exit 1 }
function Run([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { Fail "$Exe $($Arguments -join ' ') exited with $LASTEXITCODE" }
}

Set-Location $Root

# --- 1. build venv ---------------------------------------------------------------------------------
if (-not (Test-Path $VenvPython)) {
    $Python = if (Get-Command py -ErrorAction SilentlyContinue) { @('py', '-3.11') } else { @('python') }
    Step "creating $Venv"
    & $Python[0] @($Python | Select-Object -Skip 1) -m venv $Venv
    if ($LASTEXITCODE -ne 0) { Fail 'cannot create the build venv (is Python 3.11+ installed?)' }
}
$Stamp = Join-Path $Venv '.toso-package-stamp'
$Hash = (Get-FileHash (Join-Path $Root 'pyproject.toml') -Algorithm SHA256).Hash
if (-not (Test-Path $Stamp) -or (Get-Content $Stamp) -ne $Hash) {
    Step 'pip install .[package] into the build venv'
    $env:PIP_DISABLE_PIP_VERSION_CHECK = '1'
    Run $VenvPython @('-m', 'pip', 'install', '--quiet', '--progress-bar', 'off', '.[package]')
    Set-Content -Path $Stamp -Value $Hash
}

# --- 2. PyInstaller ----------------------------------------------------------------------------------
$Version = (& $VenvPython -c 'from importlib.metadata import version; print(version("toso"))').Trim()
Step "pyinstaller packaging\toso.spec (toso $Version)"
Run $VenvPython @('-m', 'PyInstaller', '--noconfirm', '--log-level', 'WARN',
    '--distpath', (Join-Path $Build 'bundle'), '--workpath', (Join-Path $Build 'pyinstaller'), 'packaging\toso.spec')

# --- 3. the frozen app checks itself -------------------------------------------------------------------
Step 'self-check of the bundle'
$env:QT_QPA_PLATFORM = 'offscreen'
& (Join-Path $Bundle 'toso-cli.exe') --self-check
$CheckExit = $LASTEXITCODE
Remove-Item Env:\QT_QPA_PLATFORM
if ($CheckExit -ne 0) { Fail 'bundle self-check failed' }

$SizeMB = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum) / 1MB, 1)
Step "bundle: $Bundle — $SizeMB MB (limit $MaxBundleMB MB); biggest files:"
Get-ChildItem $Bundle -Recurse -File | Sort-Object Length -Descending | Select-Object -First 8 |
    ForEach-Object { '    {0,6:N1} MB  {1}' -f ($_.Length / 1MB), $_.FullName.Substring($Bundle.Length + 1) }

# --- 4. installer and portable zip ---------------------------------------------------------------------
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { Fail 'Inno Setup 6 (ISCC.exe) not found; install it from jrsoftware.org' }
New-Item -ItemType Directory -Force -Path $Dist | Out-Null
Step "Inno Setup: dist\toso-$Version-windows-x64-setup.exe"
Run $Iscc @('/Q', "/DAppVersion=$Version", "/DBundleDir=$Bundle", (Join-Path $Root 'packaging\windows\toso.iss'))

$Zip = Join-Path $Dist "toso-$Version-windows-x64.zip"
Step "portable zip: $Zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path $Bundle -DestinationPath $Zip

Step ("build time: {0:N0} s" -f ((Get-Date) - $Started).TotalSeconds)
if ($SizeMB -gt $MaxBundleMB) { Fail "the bundle is $SizeMB MB, over the $MaxBundleMB MB limit" }
