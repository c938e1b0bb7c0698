package dev.homestak.actions.internal;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;

/**
 * The one algorithm name sshj asks the JCA for that only BouncyCastle knows: {@code KeyFactory.ECDSA}, here
 * the JDK's {@code EC} key factory under that name. With it, sshj runs on the JDK's own providers (X25519,
 * Ed25519, ECDSA, RSA, AES, ChaCha20) and BouncyCastle need not be registered: its provider loads ~900 classes
 * from a signed jar that class-data sharing cannot cache, a few tenths of a second of every run.
 */
public final class EcdsaKeyFactory extends KeyFactorySpi {

    private static final String PROVIDER = "homestak-ecdsa";

    private final KeyFactory ec;

    /** Instantiated by the JCA. */
    public EcdsaKeyFactory() throws NoSuchAlgorithmException {
        this.ec = KeyFactory.getInstance("EC");
    }

    /** Adds the provider of {@code KeyFactory.ECDSA} after all others (a no-op when it is there already). */
    static synchronized void install() {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new AliasProvider());
        }
    }

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        return ec.generatePublic(keySpec);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        return ec.generatePrivate(keySpec);
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec) throws InvalidKeySpecException {
        return ec.getKeySpec(key, keySpec);
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        return ec.translateKey(key);
    }

    /** The provider: this key factory only. */
    private static final class AliasProvider extends Provider {
        AliasProvider() {
            super(PROVIDER, "1.0", "KeyFactory.ECDSA as the JDK's EC key factory, for sshj");
            putService(new Service(this, "KeyFactory", "ECDSA", EcdsaKeyFactory.class.getName(), null, null));
        }
    }
}
