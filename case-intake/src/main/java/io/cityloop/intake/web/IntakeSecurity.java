package io.cityloop.intake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import io.cityloop.platform.problem.ProblemSecurityHandlers;
import io.cityloop.platform.security.RoleAuthorities;

/**
 * The platform's rules plus the citizens' doors: {@code /api/public/**} and {@code /open311/**} take reports without
 * a token (the gateway lets them through unauthenticated, and rate-limits are ours). Everything else needs a
 * bearer token, exactly as the platform's default chain, which this bean replaces.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSecurity {

    @Bean
    SecurityFilterChain intakeSecurityFilterChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(new RoleAuthorities());
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/public/**", "/open311/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }
}
