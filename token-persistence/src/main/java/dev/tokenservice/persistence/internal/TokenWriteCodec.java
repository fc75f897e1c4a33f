package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.Username;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The binary form of a {@link TokenWrite} in the journal: a kind byte, then its fields. Records of the first format
 * (a refresh token without its family's start, a rotation without a successor), which a journal written before an
 * upgrade may still hold, are read too: their refresh tokens start their family. Not API.
 */
final class TokenWriteCodec {
    private static final int SAVE_1 = 1;
    private static final int ROTATE_1 = 2;
    private static final int REVOKE_ACCESS = 3;
    private static final int REVOKE_FAMILY = 4;
    private static final int REVOKE_SELECTED = 5;
    private static final int REVOKE_HELD_BY = 6;
    private static final int SAVE = 7;
    private static final int ROTATE = 8;
    private static final int REPLACE = 9;

    private TokenWriteCodec() {
    }

    static byte[] encode(TokenWrite write) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (write instanceof TokenWrite.Save save) {
                out.writeByte(SAVE);
                writePair(out, save.tokens());
            } else if (write instanceof TokenWrite.Rotate rotate) {
                out.writeByte(ROTATE);
                out.writeUTF(rotate.used().value());
                writePair(out, rotate.replacement());
                writeNullable(out, rotate.successor(), SealedSuccessor::value);
            } else if (write instanceof TokenWrite.RevokeAccess revoke) {
                out.writeByte(REVOKE_ACCESS);
                out.writeUTF(revoke.digest().value());
            } else if (write instanceof TokenWrite.RevokeFamily revoke) {
                out.writeByte(REVOKE_FAMILY);
                out.writeUTF(revoke.familyId().value());
            } else if (write instanceof TokenWrite.RevokeSelected revoke) {
                out.writeByte(REVOKE_SELECTED);
                writeNullable(out, revoke.selector().clientId(), ClientId::value);
                writeNullable(out, revoke.selector().username(), Username::value);
            } else if (write instanceof TokenWrite.RevokeHeldBy revoke) {
                out.writeByte(REVOKE_HELD_BY);
                out.writeUTF(revoke.holder().clientId().value());
                writeNullable(out, revoke.holder().username(), Username::value);
            } else if (write instanceof TokenWrite.Replace replace) {
                out.writeByte(REPLACE);
                out.writeUTF(replace.holder().clientId().value());
                writeNullable(out, replace.holder().username(), Username::value);
                writePair(out, replace.tokens());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** Reads a record written by {@link #encode}; fails with {@link IOException} on anything else. */
    static TokenWrite decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case SAVE_1 -> new TokenWrite.Save(readPair(in, false));
            case ROTATE_1 -> new TokenWrite.Rotate(TokenDigest.fromStorage(in.readUTF()), readPair(in, false), null);
            case SAVE -> new TokenWrite.Save(readPair(in, true));
            case ROTATE -> new TokenWrite.Rotate(TokenDigest.fromStorage(in.readUTF()), readPair(in, true),
                    readNullable(in, SealedSuccessor::new));
            case REPLACE -> new TokenWrite.Replace(
                    new TokenHolder(ClientId.of(in.readUTF()), readNullable(in, Username::of)), readPair(in, true));
            case REVOKE_ACCESS -> new TokenWrite.RevokeAccess(TokenDigest.fromStorage(in.readUTF()));
            case REVOKE_FAMILY -> new TokenWrite.RevokeFamily(FamilyId.of(in.readUTF()));
            case REVOKE_SELECTED -> new TokenWrite.RevokeSelected(
                    new HolderSelector(readNullable(in, ClientId::of), readNullable(in, Username::of)));
            case REVOKE_HELD_BY -> new TokenWrite.RevokeHeldBy(
                    new TokenHolder(ClientId.of(in.readUTF()), readNullable(in, Username::of)));
            default -> throw new IOException("unknown kind of journal record: " + kind);
        };
    }

    private static void writePair(DataOutputStream out, TokenPair pair) throws IOException {
        AccessToken access = pair.access();
        out.writeUTF(access.id().value());
        out.writeUTF(access.digest().value());
        writeNullable(out, access.sealed(), SealedToken::value);
        out.writeUTF(access.clientId().value());
        writeNullable(out, access.username(), Username::value);
        out.writeUTF(access.scope().toString());
        out.writeLong(Millis.of(access.issuedAt()));
        out.writeLong(Millis.of(access.expiresAt()));
        writeNullable(out, access.familyId(), FamilyId::value);
        RefreshToken refresh = pair.refresh();
        out.writeBoolean(refresh != null);
        if (refresh != null) {
            out.writeUTF(refresh.id().value());
            out.writeUTF(refresh.digest().value());
            out.writeUTF(refresh.clientId().value());
            writeNullable(out, refresh.username(), Username::value);
            out.writeUTF(refresh.scope().toString());
            out.writeLong(Millis.of(refresh.issuedAt()));
            out.writeLong(Millis.of(refresh.expiresAt()));
            out.writeUTF(refresh.familyId().value());
            out.writeBoolean(refresh.used());
            out.writeLong(Millis.of(refresh.familyIssuedAt()));
        }
    }

    private static TokenPair readPair(DataInputStream in, boolean withFamilyStart) throws IOException {
        AccessToken access = new AccessToken(TokenId.of(in.readUTF()), TokenDigest.fromStorage(in.readUTF()),
                readNullable(in, SealedToken::new), ClientId.of(in.readUTF()), readNullable(in, Username::of),
                Scope.parse(in.readUTF()), instant(in), instant(in), readNullable(in, FamilyId::of));
        if (!in.readBoolean()) {
            return TokenPair.accessOnly(access);
        }
        RefreshToken refresh = new RefreshToken(TokenId.of(in.readUTF()), TokenDigest.fromStorage(in.readUTF()),
                ClientId.of(in.readUTF()), readNullable(in, Username::of), Scope.parse(in.readUTF()), instant(in),
                instant(in), FamilyId.of(in.readUTF()), in.readBoolean());
        if (withFamilyStart) {
            Instant familyIssuedAt = instant(in);
            refresh = new RefreshToken(refresh.id(), refresh.digest(), refresh.clientId(), refresh.username(),
                    refresh.scope(), refresh.issuedAt(), refresh.expiresAt(), refresh.familyId(), refresh.used(),
                    familyIssuedAt);
        }
        return new TokenPair(access, refresh);
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Millis.instant(in.readLong());
    }

    private static <T> void writeNullable(DataOutputStream out, @Nullable T value, Function<T, String> text)
            throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(text.apply(value));
        }
    }

    private static <T> @Nullable T readNullable(DataInputStream in, Function<String, T> parse) throws IOException {
        return in.readBoolean() ? parse.apply(in.readUTF()) : null;
    }
}
