package io.cityloop.gateway.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Who may pass the edge. Only coarse rules live here (signed in at all; scorecards for the roles that read them);
 * each service decides the fine-grained ones itself because it validates the same token again.
 *
 * <p>The token is validated by whichever {@code ReactiveJwtDecoder} bean exists: the local issuer's in embedded
 * mode, otherwise Spring Boot's, built from {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

    private static final String[] SCORECARD_READERS = {"SUPERVISOR", "ADMIN", "DISPATCHER", "SHIFT_LEAD", "DEPARTMENT"};

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ProblemWriter problems) {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        // Citizens report without an account (公众上报); case-intake rate-limits and validates them.
                        .pathMatchers("/api/public/**", "/open311/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/oauth2/jwks", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // The web apps' files (webapp module) and their settings; data still needs a token.
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/app/**", "/webjars/**", "/fonts/**",
                                "/icons/**", "/favicon.ico", "/manifest.webmanifest", "/sw.js", "/app-config.json")
                        .permitAll()
                        // Unit and district scorecards are for the units and the supervision center; the
                        // positions scorecard shows inspectors and operators their own row, decided by assessment.
                        .pathMatchers("/api/scorecards/*/departments/**", "/api/scorecards/*/districts/**",
                                "/api/scorecard-trends/**").hasAnyRole(SCORECARD_READERS)
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    private static ReactiveJwtAuthenticationConverter rolesFromClaim() {
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RoleClaimAuthorities());
        return converter;
    }
}
