package org.oscar.alert.cases.store;

/** Her identity as stored: ciphertext ({@code IdentityCipher}) and the consent it is kept on. */
public record SealedIdentity(byte[] cipher, String consentId) {}
