package dev.tokenservice.http.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.http.ErrorResponses;
import dev.tokenservice.http.HttpApplication;
import org.junit.jupiter.api.Test;

class HttpModuleTest {

    @Test
    void injectorWhenRealmOverriddenThenChallengesNameIt() {
        Injector injector = Guice.createInjector(new HttpModule(), new TokenCoreModule(), new InMemoryStoresModule(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        OptionalBinder.newOptionalBinder(binder(), Key.get(String.class, Realm.class)).setBinding()
                                .toInstance("example");
                    }
                });

        ErrorResponses errors = injector.getInstance(ErrorResponses.class);

        assertThat(errors.bearerMissing().headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"example\"");
        assertThat(injector.getInstance(HttpApplication.class).newContextHandler().getContextPath()).isEqualTo("/");
    }
}
