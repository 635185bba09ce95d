#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the keys and certificates the PDF signing tests use, at run time in
# folder $1 (no key is ever committed):
#   ca.pem ca.key             test root CA
#   rsa.pem rsa.key rsa.p12   RSA-2048 signer ("Nguyễn Văn An", leader)
#   ec.pem ec.key ec.p12      ECDSA P-256 signer (the organization's seal)
#   tsa.pem tsa.key tsa.cnf   a time-stamp authority for `openssl ts -reply`
#   softhsm2.conf tokens/     a SoftHSM2 token "XASO-TEST" (PIN 1234) with the RSA key
#   nssdb/                    an NSS database trusting the root, for pdfsig
# PKCS#12 passwords are "secret". Prints nothing on success.
set -euo pipefail
# Absolute: the NSS database is named by a path from inside the folder.
mkdir -p "$1"
dir=$(cd "$1" && pwd)
cd "$dir"
exec 3>setup.log
log() { "$@" >&3 2>&3; }

cat >ca.tmpl <<T
cn = "Xa So Test Root CA"
organization = "Xa So Test"
serial = 1
expiration_days = 3650
ca
cert_signing_key
crl_signing_key
T
log certtool --generate-privkey --key-type rsa --bits 2048 --outfile ca.key
log certtool --generate-self-signed --load-privkey ca.key --template ca.tmpl --outfile ca.pem

signer() {   # name key-type cn organization serial
  cat >"$1.tmpl" <<T
cn = "$3"
organization = "$4"
country = VN
serial = $5
expiration_days = 730
signing_key
T
  echo "non_repudiation" >>"$1.tmpl"
  log certtool --generate-privkey --key-type "$2" --outfile "$1.key"
  log certtool --generate-certificate --load-privkey "$1.key" --load-ca-certificate ca.pem \
      --load-ca-privkey ca.key --template "$1.tmpl" --outfile "$1.pem"
  log openssl pkcs12 -export -inkey "$1.key" -in "$1.pem" -certfile ca.pem -passout pass:secret \
      -name "$1" -out "$1.p12"
}
signer rsa rsa "Nguyễn Văn An" "UBND xã Thử Nghiệm" 2
signer ec ecdsa "UBND xã Thử Nghiệm" "UBND xã Thử Nghiệm" 3

log certtool --generate-privkey --key-type rsa --bits 2048 --outfile tsa.key
# openssl marks the time-stamping key usage critical, as RFC 3161 wants.
cat >tsa-ext.cnf <<T
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
T
log openssl req -new -key tsa.key -subj "/CN=Xa So Test TSA/O=Xa So Test" -out tsa.csr
log openssl x509 -req -in tsa.csr -CA ca.pem -CAkey ca.key -set_serial 4 -days 730 \
    -extfile tsa-ext.cnf -out tsa.pem
echo 01 >tsaserial
cat >tsa.cnf <<T
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = $dir
serial = $dir/tsaserial
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
T

mkdir -p tokens
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$dir" >softhsm2.conf
export SOFTHSM2_CONF=$dir/softhsm2.conf
log softhsm2-util --init-token --free --label XASO-TEST --so-pin 12345678 --pin 1234
log openssl pkcs8 -topk8 -nocrypt -in rsa.key -out rsa.p8.pem
log softhsm2-util --import rsa.p8.pem --token XASO-TEST --label signkey --id 01 --pin 1234
GNUTLS_PIN=1234 log p11tool --login --write --load-certificate rsa.pem --label signkey --id 01 \
    "pkcs11:token=XASO-TEST"
GNUTLS_PIN=1234 log p11tool --login --write --load-certificate ca.pem --label rootca --id 02 \
    "pkcs11:token=XASO-TEST"

mkdir -p nssdb
log certutil -N -d "sql:$dir/nssdb" --empty-password
log certutil -A -d "sql:$dir/nssdb" -n "Xa So Test Root" -t "CT,C,C" -i ca.pem
