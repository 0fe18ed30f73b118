package io.cityloop.dispatch.routing.adapters.persistence;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.routing.application.PublishedRuleSet;
import io.cityloop.dispatch.routing.application.RuleSetStore;
import io.cityloop.dispatch.routing.model.RuleSet;

/** Rule-set versions in MongoDB, one document per version. */
@Component
class MongoRuleSetStore implements RuleSetStore {

    private final MongoTemplate mongo;

    MongoRuleSetStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<PublishedRuleSet> latest() {
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        return Optional.ofNullable(mongo.findOne(newest, RuleSetDocument.class)).map(MongoRuleSetStore::toDomain);
    }

    @Override
    public Optional<PublishedRuleSet> version(long version) {
        return Optional.ofNullable(mongo.findById(version, RuleSetDocument.class)).map(MongoRuleSetStore::toDomain);
    }

    @Override
    public boolean insert(PublishedRuleSet published) {
        try {
            mongo.insert(new RuleSetDocument(published.ruleSet().version(), published.ruleSet().rules(),
                    published.publishedAt(), published.publishedBy(), published.reason()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static PublishedRuleSet toDomain(RuleSetDocument document) {
        return new PublishedRuleSet(new RuleSet(document.version(), document.rules()), document.publishedAt(),
                document.publishedBy(), document.reason());
    }
}
